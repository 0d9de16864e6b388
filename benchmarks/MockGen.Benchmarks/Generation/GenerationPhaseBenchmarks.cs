using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Gate;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Generation.Values;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Benchmarks.Generation;

/// <summary>
/// Where a gated payload's time goes: the walk alone, the walk plus writing its bytes, plus re-parsing them, and
/// plus the gate's verdict (the whole of <see cref="TargetGenerator.Generate(PayloadKey)"/> on a first attempt).
/// The differences between rows are the cost of each phase.
/// </summary>
[MemoryDiagnoser]
public class GenerationPhaseBenchmarks
{
    private const int PayloadsPerInvoke = 100;

    private SchemaNode _root = null!;
    private PayloadWalker _walker = null!;
    private ValidatorGate _gate = null!;
    private TargetGenerator _generator = null!;
    private string _contractVersion = string.Empty;
    private string _targetId = string.Empty;
    private long _index;

    [Params("payments", "nested", "tree")]
    public string Schema { get; set; } = "payments";

    [GlobalSetup]
    public void Setup()
    {
        var loader = new ContractLoader();
        var (contract, targetId) = Schema switch
        {
            "payments" => (loader.Load("payments-api.yaml", File.ReadAllBytes(GenerationBenchmarks.SamplePath())), "#/components/schemas/Payment"),
            "nested" => (loader.Load("company.json", Encoding.UTF8.GetBytes(GenerationSchemas.NestedResource)), "#"),
            _ => (loader.Load("tree.json", Encoding.UTF8.GetBytes(GenerationSchemas.RecursiveTree)), "#"),
        };
        var target = contract.GetTarget(targetId);
        _contractVersion = contract.Version;
        _targetId = target.Id;
        var settings = new WalkerSettings { Direction = target.Direction, Leaves = new RealismLeafSource(new RealismEngine(new RealismOptions())) };
        var validation = new ValidationOptions { Direction = target.Direction };
        _generator = ContractSchemas.CreateTarget(contract.Schemas, target.SchemaUri, settings, validation);
        _root = _generator.Root;
        _gate = (ValidatorGate)_generator.Gate;
        _walker = new PayloadWalker(settings with { Matches = (schema, value) => MatchesByBytes(schema, value) });
        for (var i = 0; i < 200; i++)
        {
            _generator.Generate(Key(i));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PayloadsPerInvoke)]
    public int Walk()
    {
        var nodes = 0;
        for (var i = 0; i < PayloadsPerInvoke; i++)
        {
            nodes += WalkOne().Kind == JsonValueKind.Object ? 1 : 0;
        }

        return nodes;
    }

    [Benchmark(OperationsPerInvoke = PayloadsPerInvoke)]
    public long WalkWrite()
    {
        long bytes = 0;
        for (var i = 0; i < PayloadsPerInvoke; i++)
        {
            bytes += PayloadJson.ToUtf8(WalkOne()).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = PayloadsPerInvoke)]
    public long WalkWriteParse()
    {
        long kinds = 0;
        for (var i = 0; i < PayloadsPerInvoke; i++)
        {
            using var document = JsonDocument.Parse(PayloadJson.ToUtf8(WalkOne()));
            kinds += (int)document.RootElement.ValueKind;
        }

        return kinds;
    }

    [Benchmark(OperationsPerInvoke = PayloadsPerInvoke)]
    public long WalkWriteParseCheck()
    {
        long errors = 0;
        for (var i = 0; i < PayloadsPerInvoke; i++)
        {
            using var document = JsonDocument.Parse(PayloadJson.ToUtf8(WalkOne()));
            errors += _gate.Check(document.RootElement).Count;
        }

        return errors;
    }

    [Benchmark(OperationsPerInvoke = PayloadsPerInvoke)]
    public long Generate()
    {
        long bytes = 0;
        for (var i = 0; i < PayloadsPerInvoke; i++)
        {
            if (_generator.Generate(Key(_index++)) is Generated generated)
            {
                bytes += generated.Json.Length;
            }
        }

        return bytes;
    }

    private PayloadValue WalkOne()
    {
        var key = Key(_index++);
        var state = new WalkState(key.CreatePrng(0), key.Variant, recordMutations: false);
        return _walker.Walk(_root, state) ?? throw new InvalidOperationException("walk failed");
    }

    private bool MatchesByBytes(SchemaNode schema, PayloadValue value)
    {
        using var document = JsonDocument.Parse(PayloadJson.ToUtf8(value));
        return _gate.Matches(schema, document.RootElement);
    }

    private PayloadKey Key(long index) => new(_contractVersion, _targetId, GenerationVariant.Typical, "bench", string.Empty, string.Empty, index);
}
