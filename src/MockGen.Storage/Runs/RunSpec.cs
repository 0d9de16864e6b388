using System.Text.Json;
using MockGen.Storage.Registry;

namespace MockGen.Storage.Runs;

/// <summary>
/// The orchestrator's input: everything that determines a run's bytes. A small, serializable record, so a
/// Durable Functions orchestration can take it as its input unchanged.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="ContractName">The contract's name under <c>contracts/{tenant}/</c>.</param>
/// <param name="ContractVersion">The contract version (<c>sha256:</c>).</param>
/// <param name="RunId">The run id; re-running it resumes and is idempotent.</param>
/// <param name="Variants">The variants, in order.</param>
/// <param name="CountPerTarget">Payloads per target and variant.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Environment">The environment name.</param>
/// <param name="Locale">The locale, or null.</param>
/// <param name="ShardSize">At most this many payloads per shard.</param>
/// <param name="Gzip">Whether shard blobs are gzip-compressed.</param>
/// <param name="MaxParallelShards">How many shard activities may run at once.</param>
public sealed record RunSpec(
    string Tenant,
    string ContractName,
    string ContractVersion,
    string RunId,
    IReadOnlyList<string> Variants,
    int CountPerTarget,
    string Seed,
    string Environment,
    string? Locale,
    int ShardSize,
    bool Gzip,
    int MaxParallelShards)
{
    /// <summary>
    /// The tenant profile version the run's settings came from, or null (settings from a request, a legacy profile
    /// blob, or the defaults). Recorded for provenance; the settings themselves are the fields above, so it is not part
    /// of the run's fingerprint and a reproduction needs nothing else.
    /// </summary>
    public string? ProfileVersion { get; init; }

    /// <summary>
    /// The prompt template value enrichment uses, pinned as <c>name@sha256:…</c> when the run was created from a profile
    /// whose <c>ai.prompt</c> names one (<see cref="Prompts.RunPrompts"/>); null for the built-in template of the
    /// generator version, or no enrichment. Pinned at creation, so a prompt approved mid-run or later never changes it.
    /// </summary>
    public string? PromptVersion { get; init; }

    /// <summary>As <see cref="PromptVersion"/>, for the <c>edge</c> variant (<c>ai.edgePrompt</c>).</summary>
    public string? EdgePromptVersion { get; init; }

    /// <summary>The pinned prompt a shard of <paramref name="variant"/> uses, or null for the built-in one.</summary>
    public string? PromptFor(string variant) => variant == "edge" ? EdgePromptVersion : PromptVersion;

    /// <summary>The profile's <c>realism</c> (<c>synthetic</c> or <c>lifelike</c>), or null for the default (synthetic).</summary>
    public string? Realism { get; init; }

    /// <summary>A spec from a tenant profile; without a run id, one is derived from everything else, so the same request maps to the same run.</summary>
    public static RunSpec FromProfile(string tenant, string contractName, string contractVersion, TenantProfile profile, string? runId = null, int maxParallelShards = 4)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Identifiers.Tenant(tenant);
        Identifiers.ContractName(contractName);
        Identifiers.Version(contractVersion);
        var spec = new RunSpec(tenant, contractName, contractVersion, runId ?? "pending", profile.Variants, profile.CountPerTarget, profile.Seed, profile.Environment, profile.Locale, profile.ShardSize, profile.Gzip, maxParallelShards)
        {
            Realism = profile.Realism,
        };
        return runId is null ? spec with { RunId = spec.DerivedRunId() } : spec with { RunId = Identifiers.RunId(runId) };
    }

    /// <summary>The bytes-determining part as canonical JSON (run id and parallelism excluded).</summary>
    // Realism and the pinned prompts join only when set, so the run ids of profiles without them stay what they were;
    // a prompt shapes the bytes, so a new prompt version is a new run, not a resume of the old one.
    internal string Fingerprint()
    {
        var parts = new List<object?> { Tenant, ContractName, ContractVersion, Variants, CountPerTarget, Seed, Environment, Locale, ShardSize, Gzip };
        if (Realism is not null || PromptVersion is not null || EdgePromptVersion is not null)
        {
            parts.Add(Realism);
        }

        if (PromptVersion is not null || EdgePromptVersion is not null)
        {
            parts.Add(PromptVersion);
            parts.Add(EdgePromptVersion);
        }

        return JsonSerializer.Serialize(parts);
    }

    internal string DerivedRunId() => "r" + ContentHash.Hex(System.Text.Encoding.UTF8.GetBytes(Fingerprint()))[..24];
}
