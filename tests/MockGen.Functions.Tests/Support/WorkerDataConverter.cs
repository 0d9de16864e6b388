using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MockGen.Functions.Tests.Support;

/// <summary>
/// The Functions worker's own serializer (<see cref="WorkerOptions.Serializer"/> after the worker defaults) as the
/// test host's <see cref="DataConverter"/>, as the Durable extension's shim does in a real app: PascalCase,
/// case-insensitive reads, fields (tuples) dropped. The test host's default JSON converter would hide bugs the
/// worker has.
/// </summary>
internal sealed class WorkerDataConverter : DataConverter
{
    private readonly ObjectSerializer _serializer;

    private WorkerDataConverter(ObjectSerializer serializer)
    {
        _serializer = serializer;
    }

    public static WorkerDataConverter Create()
    {
        var collection = new ServiceCollection();
        collection.AddFunctionsWorkerDefaults();
        using var services = collection.BuildServiceProvider();
        var serializer = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer
            ?? throw new InvalidOperationException("the worker defaults set no serializer");
        return new WorkerDataConverter(serializer);
    }

    public override string? Serialize(object? value) => value is null ? null : _serializer.Serialize(value, value.GetType()).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data));
        return _serializer.Deserialize(stream, targetType, CancellationToken.None);
    }
}
