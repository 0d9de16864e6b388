using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Functions.Tests.Support;

/// <summary>The test host really speaks the Functions worker's serializer, quirks included.</summary>
public sealed class WorkerDataConverterTests
{
    [Fact]
    public void Converter_IsTheWorkersSerializer_PascalCase_CaseInsensitive_TuplesLost()
    {
        var converter = WorkerDataConverter.Create();
        var outcome = new RunOutcome("acme", "r1", RunStatus.CompletedWithErrors, 3, 2, 1, 10, 100, "m", "h", ["x"]);

        var json = converter.Serialize(outcome)!;
        Assert.Contains("\"Tenant\":\"acme\"", json, StringComparison.Ordinal);
        Assert.Equal(outcome.Status, ((RunOutcome)converter.Deserialize(json, typeof(RunOutcome))!).Status);
        Assert.Equal("acme", ((RunOutcome)converter.Deserialize(json.Replace("\"Tenant\"", "\"tenant\"", StringComparison.Ordinal), typeof(RunOutcome))!).Tenant);

        // durabletask-dotnet #133: a ValueTuple crosses the worker's boundary as {} (the default converter would hide it).
        Assert.Equal("{}", converter.Serialize((7, "x")));
    }

    [Fact]
    public async Task TestHost_WorkerAndClient_UseTheWorkerConverter()
    {
        await using var app = await FunctionsApp.StartAsync(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-fn-conv-").FullName));
        Assert.IsType<WorkerDataConverter>(app.DurableServices.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).DataConverter);
        Assert.IsType<WorkerDataConverter>(app.DurableServices.GetRequiredService<IOptionsMonitor<DurableTaskClientOptions>>().Get(Options.DefaultName).DataConverter);
    }
}
