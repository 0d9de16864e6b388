using MockGen.Deployment.Tests.Support;

namespace MockGen.Deployment.Tests.Azd;

/// <summary>The repository's azure.yaml against azd's schema, with MockGen's validator; and what the schema must refuse.</summary>
public sealed class AzureYamlTests
{
    private static readonly string AzureYamlPath = Path.Combine(Locations.RepoRoot, "azure.yaml");

    [Fact]
    public void AzureYaml_IsValidAgainstAzdSchema()
    {
        var result = AzdSchema.Load().Validate(File.ReadAllText(AzureYamlPath));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProjectAsAFunctionApp()
    {
        var text = File.ReadAllText(AzureYamlPath);

        // The service name is the azd-service-name tag infra/app/functions.bicep puts on the site.
        Assert.Contains("\n  functions:\n    project: ./src/MockGen.Functions\n    language: dotnet\n    host: function\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("run: ./scripts/postdeploy.sh", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Locations.RepoRoot, "scripts", "postdeploy.sh")));
        Assert.True(File.Exists(Path.Combine(Locations.RepoRoot, "scripts", "postdeploy.ps1")));
    }

    [Fact]
    public void FunctionServiceWithoutHost_IsRejected()
    {
        var schema = AzdSchema.Load();
        var yaml = File.ReadAllText(AzureYamlPath).ReplaceLineEndings("\n").Replace("    host: function\n", string.Empty, StringComparison.Ordinal);

        var result = schema.Validate(yaml);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/services/functions" && e.Keyword == "required" && e.Message.Contains("host", StringComparison.Ordinal));
        // Without a host the schema's if/then chain reaches the external AI-host $refs: they resolved to {} stubs.
        Assert.NotEmpty(schema.Resolver.Resolved);
    }

    [Fact]
    public void EnvUnderTheFunctionService_IsRejected()
    {
        var yaml = File.ReadAllText(AzureYamlPath).ReplaceLineEndings("\n")
            .Replace("    host: function\n", "    host: function\n    env:\n      MOCKGEN_MODE: cloud\n", StringComparison.Ordinal);

        var result = AzdSchema.Load().Validate(yaml);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/services/functions/env");
    }

    [Fact]
    public void MissingName_IsRejected()
    {
        var yaml = File.ReadAllText(AzureYamlPath).ReplaceLineEndings("\n").Replace("name: mockgen\n", string.Empty, StringComparison.Ordinal);

        var result = AzdSchema.Load().Validate(yaml);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation.Length == 0 && e.Keyword == "required");
    }

    [Fact]
    public void UnknownPipelineProvider_IsRejected()
    {
        var yaml = File.ReadAllText(AzureYamlPath).ReplaceLineEndings("\n").Replace("provider: azdo", "provider: jenkins", StringComparison.Ordinal);

        var result = AzdSchema.Load().Validate(yaml);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/pipeline/provider" && e.Keyword == "enum");
    }
}
