using BenchmarkDotNet.Attributes;
using MockGen.Core.Schema;

namespace MockGen.Benchmarks.Schema;

/// <summary>
/// Cost of reading a pattern (parse, translate from the AST, build the interpreted regex) and of one match, for a
/// Unicode-mode pattern, an Annex B one and a class with astral ranges: what every schema with patterns pays.
/// </summary>
[MemoryDiagnoser]
public class CompiledPatternBenchmarks
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    private CompiledPattern _email = null!;
    private CompiledPattern _annexB = null!;

    [Params("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", "^[\\w-.]+$", "^[^\\s😀-😂]{1,32}$")]
    public string Pattern { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        CompiledPattern.TryCreate("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", s_timeout, out var email, out _);
        CompiledPattern.TryCreate("^[a-z\\_]+$", s_timeout, out var annexB, out _);
        _email = email!;
        _annexB = annexB!;
    }

    [Benchmark]
    public bool Compile() => CompiledPattern.TryCreate(Pattern, s_timeout, out _, out _);

    [Benchmark]
    public bool MatchUnicodeMode() => _email.Matches("anna.schmidt@example.com");

    [Benchmark]
    public bool MatchAnnexBMode() => _annexB.Matches("snake_case_name");
}
