using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Benchmarks.Validation;

/// <summary>
/// Validating valid order payloads against a compiled contract-shaped schema. <c>ValidateBatch</c> covers
/// <see cref="BatchSize"/> instances per operation: instances/s = BatchSize / mean, MB/s = <see cref="BatchBytes"/> / mean.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    public const int BatchSize = 100;

    private static readonly Uri OrderUri = new("https://shop.example.com/schemas/order.json");

    private JsonElement[] _instances = [];
    private SchemaNode _node = null!;
    private SchemaValidator _validator = null!;
    private SchemaSet _set = null!;

    /// <summary>Total UTF-8 size of the batch (printed at setup for the MB/s figure).</summary>
    public static long BatchBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var bytes = OrderContract.Instances(BatchSize);
        BatchBytes = bytes.Sum(b => (long)b.Length);
        _instances = [.. bytes.Select(OrderContract.Parse)];
        var root = OrderContract.Parse(System.Text.Encoding.UTF8.GetBytes(OrderContract.Schema));
        _set = SchemaSet.Create(new SchemaDocument(OrderUri, root, Dialect.Draft202012, null));
        _node = _set.GetNode(OrderUri);
        _validator = new SchemaValidator(new ValidationOptions());
        foreach (var instance in _instances)
        {
            var result = _validator.Validate(_node, instance);
            if (!result.IsValid)
            {
                throw new InvalidOperationException("benchmark instance is invalid: " + result);
            }
        }

        Console.WriteLine($"// batch: {BatchSize} instances, {BatchBytes} bytes ({BatchBytes / (double)BatchSize:0} bytes/instance)");
    }

    /// <summary>One valid instance through the public result-returning path (allocations per valid instance).</summary>
    [Benchmark]
    public bool ValidateOne() => _validator.Validate(_node, _instances[7]).IsValid;

    /// <summary>The whole batch of valid instances.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int ValidateBatch()
    {
        var valid = 0;
        foreach (var instance in _instances)
        {
            if (_validator.Validate(_node, instance).IsValid)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>One valid instance through <see cref="SchemaSet.Validate"/> (URI lookup included).</summary>
    [Benchmark]
    public bool ValidateOneThroughSet() => _set.Validate(OrderUri, _instances[7]).IsValid;
}
