using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Telemetry;
using MockGen.Core.Tests.Contracts;
using MockGen.Core.Tests.Telemetry;

namespace MockGen.Cli.Tests.Telemetry;

/// <summary>Issue 11: <c>mockgen validate</c>'s validation metrics equal what it reports, error by error.</summary>
public sealed class ValidateMetricsTests
{
    [Fact]
    public async Task Validate_WithMeterListening_CountsEveryPayloadAndEachErrorByKeyword()
    {
        using var folder = new TempFolder();

        // A file name of its own: CLI validation has no tenant, so this test's points are told apart by contract.
        var name = "vmetrics-" + Guid.NewGuid().ToString("N")[..8] + ".schema.json";
        var path = folder.Write(name, """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["age"],
             "properties": {"age": {"type": "integer", "minimum": 0}, "name": {"type": "string", "maxLength": 3}}}
            """);
        var target = (await new ContractLoader().LoadAsync(path)).Targets.Single(t => t.JsonPointer.Length == 0).Id;
        string Record(string payload) => $$"""{"meta": {"contract": "{{name}}", "target": {{JsonSerializer.Serialize(target)}}, "variant": "typical", "index": 0}, "payload": {{payload}}}""";
        var dataset = folder.Write("d.ndjson", string.Join('\n',
            Record("""{"age": 3, "name": "abc"}"""),
            Record("""{"age": -1, "name": "abcd"}"""),
            Record("""{"name": 7}""")) + "\n");
        using var capture = new TelemetryCapture(string.Empty);

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.Equal(1, run.ExitCode);
        var reported = run.OutLines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("keyword").GetString()!)).ToList();
        Assert.True(reported.Distinct().Count() >= 3, string.Join(", ", reported));
        var contract = (TelemetryTags.Contract, (object)name);
        var source = (TelemetryTags.ValidationSource, (object)ValidationTelemetry.Validate);
        Assert.Equal(3, capture.Sum("mockgen.validation.payloads", contract, source, (TelemetryTags.Target, target)));
        Assert.Equal(reported.Count, capture.Sum("mockgen.validation.failures", contract, source));
        foreach (var keyword in reported.Distinct())
        {
            Assert.Equal(reported.Count(k => k == keyword), capture.Sum("mockgen.validation.failures", contract, source, (TelemetryTags.Keyword, keyword)));
        }
    }
}
