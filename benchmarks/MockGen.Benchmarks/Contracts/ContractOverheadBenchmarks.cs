using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Schema;

namespace MockGen.Benchmarks.Contracts;

/// <summary>
/// What one small contract costs before and up to its first payload, the per-contract overhead that dominates a
/// folder of many small JSON Schemas (issue 9: about 11 ms each; target 0.5 ms for a 20 KB schema on one core).
/// The schema is a plain 2020-12 object of about 20 KB (210 properties: strings, bounded integers, date-times and
/// small nested objects with an enum array), loaded from memory under a fresh name each time so that nothing is
/// cached between contracts. The loader and the generator (realism engine, Bogus data) are built once, as the
/// CLI does for a folder. Run:
/// <c>dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- --filter '*ContractOverhead*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ContractOverheadBenchmarks
{
    private readonly ContractLoader _loader = new();
    private readonly DatasetGenerator _generator = new(new GenerationOptions { Count = 1 });
    private byte[] _schema = [];
    private int _run;

    /// <summary>Size of the benchmark schema, in bytes (about 20 KB).</summary>
    public int SchemaBytes => _schema.Length;

    [GlobalSetup]
    public void Setup() => _schema = SmallSchema(210);

    /// <summary>Parse, canonical hash, $ref discovery and target enumeration.</summary>
    [Benchmark]
    public Contract Load() => _loader.Load(NextName(), _schema);

    /// <summary>Load, then compile the schema set and build the target's generator (walker, gate).</summary>
    [Benchmark]
    public object Compile()
    {
        var contract = _loader.Load(NextName(), _schema);
        return _generator.CreateTarget(contract, Compiled(contract, contract.Targets[0]), contract.Targets[0]);
    }

    /// <summary>Load, compile and generate one gated payload: the whole cost of a contract asked for one payload.</summary>
    [Benchmark]
    public object LoadCompileFirstPayload()
    {
        var contract = _loader.Load(NextName(), _schema);
        var target = contract.Targets[0];
        var generator = _generator.CreateTarget(contract, Compiled(contract, target), target);
        return generator.Generate(_generator.KeyFor(contract, target, GenerationVariant.Typical, 0));
    }

    // As DatasetGenerator.Generate does it: compile the one target, then read the contract's schema set.
    private static SchemaSet Compiled(Contract contract, ContractTarget target)
    {
        contract.Compile(target);
        return contract.Schemas;
    }

    private string NextName() => "small-" + (_run++).ToString(CultureInfo.InvariantCulture) + ".json";

    internal static byte[] SmallSchema(int properties)
    {
        var text = new StringBuilder("""{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Small","type":"object","required":["p0","p1"],"properties":{""");
        for (var i = 0; i < properties; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            text.Append(i == 0 ? string.Empty : ",").Append((i % 4) switch
            {
                0 => $$"""
                    "p{{n}}":{"type":"string","maxLength":40,"description":"property {{n}} of the benchmark schema"}
                    """,
                1 => $$"""
                    "p{{n}}":{"type":"integer","minimum":0,"maximum":{{(i * 10 + 5).ToString(CultureInfo.InvariantCulture)}}}
                    """,
                2 => $$"""
                    "p{{n}}":{"type":"string","format":"date-time"}
                    """,
                _ => "\"p" + n + "\":" + """{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer","minimum":0},"tags":{"type":"array","maxItems":3,"items":{"type":"string","enum":["a","b","c"]}}}}""",
            });
        }

        return Encoding.UTF8.GetBytes(text.Append("}}").ToString());
    }
}
