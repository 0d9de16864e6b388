using BenchmarkDotNet.Attributes;
using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Patterns;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Realism;

namespace MockGen.Benchmarks.Generation;

/// <summary>Cost of one leaf value: a pattern match, a format, and a realistic, coherent value through Bogus.</summary>
[MemoryDiagnoser]
public class LeafValueBenchmarks
{
    private const string EmailPattern = "^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$";
    private const string IbanPattern = "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$";

    private readonly RealismEngine _engine = new(new RealismOptions { Locale = "de" });
    private readonly Prng _rng = Prng.FromParts("bench");
    private ValueContext _email = null!;
    private ValueContext _createdAt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _email = new ValueContext { PropertyName = "email", InstancePointer = "/customer/email", ParentPointer = "/customer", Format = "email" };
        _createdAt = new ValueContext { PropertyName = "createdAt", InstancePointer = "/createdAt", Format = "date-time" };
        PatternGenerator.TryGenerate(EmailPattern, _rng, 0, null, out _);
        PatternGenerator.TryGenerate(IbanPattern, _rng, 0, null, out _);
    }

    [Benchmark]
    public string PatternEmail() => PatternGenerator.TryGenerate(EmailPattern, _rng, 0, 64, out var value) ? value : "";

    [Benchmark]
    public string PatternIban() => PatternGenerator.TryGenerate(IbanPattern, _rng, 15, 34, out var value) ? value : "";

    [Benchmark]
    public string FormatDateTime() => FormatGenerator.TryGenerate("date-time", _rng, 0, null, out var value) ? value : "";

    [Benchmark]
    public string FormatEmail() => FormatGenerator.TryGenerate("email", _rng, 0, null, out var value) ? value : "";

    [Benchmark]
    public string RealisticEmailWithNewRecord()
    {
        var context = _email with { Record = _engine.CreateRecord(_rng.Fork("record")) };
        return _engine.TryGenerateString(context, _rng, out var value) ? value : "";
    }

    [Benchmark]
    public string RealisticCreatedAt()
    {
        var context = _createdAt with { Record = _engine.CreateRecord(_rng.Fork("record")) };
        return _engine.TryGenerateString(context, _rng, out var value) ? value : "";
    }
}
