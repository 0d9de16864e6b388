using System.Text.Json.Nodes;

namespace MockGen.Deployment.Tests.Support;

/// <summary>
/// A compiled ARM template (bicep build output). Modules compile to nested <c>Microsoft.Resources/deployments</c>
/// whose <c>properties.template</c> holds the module's own template; these helpers look through every level.
/// </summary>
internal sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static async Task<ArmTemplate> CompileAsync(string bicepFile)
    {
        var run = await BicepCli.RunAsync("build", bicepFile, "--stdout");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed:\n{run.Error}");
        }

        return new ArmTemplate(JsonNode.Parse(run.Out)!.AsObject());
    }

    /// <summary>Every resource declared at any nesting level, with the template (module) that declares it.</summary>
    public IEnumerable<(JsonObject Resource, JsonObject Template)> AllResources() => ResourcesOf(Root);

    /// <summary>Resources of one type (case-insensitive, as ARM compares types).</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. AllResources().Where(r => string.Equals((string?)r.Resource["type"], type, StringComparison.OrdinalIgnoreCase)).Select(r => r.Resource)];

    public JsonObject Single(string type) => Assert.Single(Resources(type));

    /// <summary>The compiled template of the module deployed under <paramref name="deploymentName"/>.</summary>
    public JsonObject Module(string deploymentName) =>
        Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == deploymentName)["properties"]!["template"]!.AsObject();

    private static IEnumerable<(JsonObject, JsonObject)> ResourcesOf(JsonObject template)
    {
        // Bicep emits resources as an array, or as an object keyed by symbolic name (languageVersion 2.0).
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return (resource, template);
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
