using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Service.Api;

namespace MockGen.Storage.Tests.Service;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public void OpenApiDocument_IsAContractMockGenCanLoadAndGenerateFor()
    {
        using var stream = OpenApiDocument.Open();
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var contract = new ContractLoader().Load("mockgen-api.json", bytes.ToArray());

        Assert.False(contract.HasErrors, string.Join("\n", contract.Diagnostics));
        Assert.Empty(contract.CheckTargets());
        Assert.Contains(contract.Targets, t => t.Id == "#/components/schemas/StartRunRequest");

        // MockGen generates payloads for its own API, and every one passes the gate. (Schemas holding a
        // `pattern`, such as Version, wait for pattern generation in the generator.)
        var output = new MemoryStream();
        using (var writer = new DatasetWriter(output, OutputFormat.Ndjson))
        {
            var summaries = new DatasetGenerator(new GenerationOptions { Count = 3, Seed = "1" }).Generate(contract, [contract.GetTarget("#/components/schemas/DriftCount"), contract.GetTarget("#/components/schemas/ProblemDetails")], writer);
            writer.Complete();
            Assert.All(summaries, s => Assert.Null(s.Failure));
        }

        Assert.Equal(6, System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
