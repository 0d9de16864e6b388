using System.Text.Json;
using MockGen.Cli;

namespace MockGen.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    private const string V1 = """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"}}}}}}""";
    private const string V2Additive = """{"openapi":"3.1.0","info":{"title":"t","version":"2"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"},"tag":{"type":"string"}}}}}}""";
    private const string V2Breaking = """{"openapi":"3.1.0","info":{"title":"t","version":"2"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}}}""";

    [Fact]
    public async Task Diff_NonBreaking_ExitsZero_BreakingExitsOne_WithJson()
    {
        var dir = Directory.CreateTempSubdirectory("mockgen-diff-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "v1.json"), V1);
        await File.WriteAllTextAsync(Path.Combine(dir, "v2a.json"), V2Additive);
        await File.WriteAllTextAsync(Path.Combine(dir, "v2b.json"), V2Breaking);

        var (code, output, _) = await RunAsync("diff", Path.Combine(dir, "v1.json"), Path.Combine(dir, "v2a.json"));
        Assert.Equal(0, code);
        Assert.Contains("0 breaking, 1 non-breaking", output, StringComparison.Ordinal);
        Assert.Contains("non-breaking  /properties/tag: optional property 'tag' was added  [property-added]", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("diff", Path.Combine(dir, "v1.json"), Path.Combine(dir, "v2b.json"), "--json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("breaking").GetInt32());
        string[] expectedRules = ["property-removed", "required-added"];
        Assert.Equal(
            expectedRules,
            json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("rule").GetString()).Order(StringComparer.Ordinal));

        (code, _, var error) = await RunAsync("diff", Path.Combine(dir, "v1.json"), Path.Combine(dir, "missing.json"));
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Program.RunAsync(args, new CliConsole(output, error, () => Stream.Null), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
