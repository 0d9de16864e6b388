using System.Text;
using BenchmarkDotNet.Attributes;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Validation;

namespace MockGen.Benchmarks.Generation;

/// <summary>
/// Gated generation throughput, realism on (as <c>mockgen generate</c> runs): each operation builds a payload, validates it with the project's validator
/// (retrying from derived seeds when rejected) and serializes it. Payloads/s is 1 / mean; MB/s is that times
/// the mean payload size printed at setup.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private const int PayloadsPerInvoke = 100;

    private TargetGenerator _generator = null!;
    private string _contractVersion = string.Empty;
    private string _targetId = string.Empty;
    private long _index;

    [Params("payments", "nested", "tree")]
    public string Schema { get; set; } = "payments";

    [Params(GenerationVariant.Typical, GenerationVariant.Maximal)]
    public GenerationVariant Variant { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var loader = new ContractLoader();
        var (contract, targetId) = Schema switch
        {
            "payments" => (loader.Load("payments-api.yaml", File.ReadAllBytes(SamplePath())), "#/components/schemas/Payment"),
            "nested" => (loader.Load("company.json", Encoding.UTF8.GetBytes(GenerationSchemas.NestedResource)), "#"),
            _ => (loader.Load("tree.json", Encoding.UTF8.GetBytes(GenerationSchemas.RecursiveTree)), "#"),
        };
        var target = contract.GetTarget(targetId);
        _contractVersion = contract.Version;
        _targetId = target.Id;
        _generator = ContractSchemas.CreateTarget(
            contract.Schemas,
            target.SchemaUri,
            new WalkerSettings { Direction = target.Direction, Leaves = new RealismLeafSource(new RealismEngine(new RealismOptions())) },
            new ValidationOptions { Direction = target.Direction });

        long bytes = 0;
        for (var i = 0; i < 200; i++)
        {
            bytes += ((Generated)_generator.Generate(Key(i))).Json.Length;
        }

        Console.WriteLine($"// {Schema}/{Variant}: mean payload {bytes / 200.0:F0} bytes");
    }

    [Benchmark(OperationsPerInvoke = PayloadsPerInvoke)]
    public long GenerateGated()
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

    private PayloadKey Key(long index) => new(_contractVersion, _targetId, Variant, "bench", string.Empty, string.Empty, index);

    internal static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "payments-api.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/payments-api.yaml not found above " + AppContext.BaseDirectory);
    }
}
