using System.Text;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Privacy;
using MockGen.Storage;
using MockGen.Storage.Registry;

namespace MockGen.Ai.Tests.Enrichment;

public sealed class TenantEnrichmentSettingsTests
{
    private const string Profile = """
        {"ai": {"enabled": true, "deployments": ["gpt-4o-mini", "gpt-4o"], "temperature": 0.3, "maxTokensPerRequest": 1024,
                "tokenBudgetPerRun": 50000, "piiPolicy": "reject", "denyList": ["Contoso"],
                "cost": {"promptPer1K": 0.15, "completionPer1K": 0.6, "currency": "EUR"}}}
        """;

    [Fact]
    public void From_Profile_AppliesEveryGovernedSetting()
    {
        var ai = TenantProfile.Parse("contracts/acme/mockgen.profile.json", Encoding.UTF8.GetBytes(Profile)).Ai;

        var settings = TenantEnrichmentSettings.From(ai);

        Assert.Equal(("gpt-4o-mini", 0.3f, 1024, 50000L, PiiPolicy.Reject), (settings.Deployment, settings.Temperature, settings.MaxTokensPerRequest, settings.TokenBudget!.Value, settings.PiiPolicy));
        Assert.Equal(["Contoso"], settings.DenyList);
        Assert.Equal(0.15m * 2 + 0.6m, settings.Cost.Estimate(2000, 1000));
        Assert.Equal(10000L, TenantEnrichmentSettings.From(ai, "gpt-4o", budgetOverride: 10000).TokenBudget);
    }

    [Fact]
    public void From_DeploymentOutsideTheAllowList_IsRefused()
    {
        var ai = TenantProfile.Parse("p.json", Encoding.UTF8.GetBytes(Profile)).Ai;

        var error = Assert.Throws<ArgumentException>(() => TenantEnrichmentSettings.From(ai, "gpt-35-turbo"));

        Assert.Contains("deployment 'gpt-35-turbo' is not in the tenant's allow-list (gpt-4o-mini, gpt-4o)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Disabled_IsRefused() =>
        Assert.Contains("disabled", Assert.Throws<ArgumentException>(() => TenantEnrichmentSettings.From(new TenantAiSettings())).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_InvalidAiSection_ListsEveryProblem()
    {
        var error = Assert.Throws<MockGenStorageException>(() => TenantProfile.Parse("p.json", Encoding.UTF8.GetBytes("""{"ai":{"temperature":3,"piiPolicy":"keep","maxTokensPerRequest":1,"prompt":"house style","edgePrompt":"edge@sha256:12"}}""")));

        Assert.Contains("ai.temperature must be 0..2", error.Message, StringComparison.Ordinal);
        Assert.Contains("ai.piiPolicy must be mask or reject", error.Message, StringComparison.Ordinal);
        Assert.Contains("ai.prompt must be a prompt name", error.Message, StringComparison.Ordinal);
        Assert.Contains("ai.edgePrompt must be a prompt name", error.Message, StringComparison.Ordinal);
        Assert.Contains("ai.maxTokensPerRequest must be 16..128000", error.Message, StringComparison.Ordinal);
    }
}
