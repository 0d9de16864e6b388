using MockGen.Ai.Privacy;
using MockGen.Storage.Registry;

namespace MockGen.Ai.Enrichment;

/// <summary>Turns a tenant profile's <c>ai</c> section into the settings of one run.</summary>
public static class TenantEnrichmentSettings
{
    /// <summary>The run settings for a tenant; <paramref name="deployment"/> overrides the tenant's default deployment but must be on its allow-list.</summary>
    /// <exception cref="ArgumentException">AI is disabled for the tenant, or the deployment is missing or not allowed.</exception>
    public static EnrichmentSettings From(TenantAiSettings tenant, string? deployment = null, long? budgetOverride = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Enabled)
        {
            throw new ArgumentException("AI enrichment is disabled in the tenant profile (ai.enabled is false)");
        }

        var settings = new EnrichmentSettings
        {
            Deployment = deployment ?? (tenant.Deployments.Count > 0 ? tenant.Deployments[0] : string.Empty),
            AllowedDeployments = tenant.Deployments,
            Model = tenant.Model,
            Temperature = tenant.Temperature,
            MaxTokensPerRequest = tenant.MaxTokensPerRequest,
            FirstRequestTokens = tenant.FirstRequestTokens,
            EdgeCount = tenant.EdgeCount,
            TokenBudget = budgetOverride is { } budget && tenant.TokenBudgetPerRun is { } cap ? Math.Min(budget, cap) : budgetOverride ?? tenant.TokenBudgetPerRun,
            PiiPolicy = tenant.PiiPolicy == "reject" ? PiiPolicy.Reject : PiiPolicy.Mask,
            DenyList = tenant.DenyList,
            Cost = new AiCostTable(tenant.Cost.PromptPer1K, tenant.Cost.CompletionPer1K, tenant.Cost.Currency),
        };
        settings.Validate();
        return settings;
    }
}
