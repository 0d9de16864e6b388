using System.Text.Json;
using System.Text.Json.Serialization;

namespace MockGen.Storage.Registry;

/// <summary>
/// A tenant's run defaults, read from <c>contracts/{tenant}/mockgen.profile.json</c>. Every field is optional in
/// the file; missing ones take the defaults documented here.
/// </summary>
public sealed record TenantProfile
{
    /// <summary>The variants to generate. Default: <c>["typical"]</c>.</summary>
    public IReadOnlyList<string> Variants { get; init; } = ["typical"];

    /// <summary>Payloads per target and variant. Default: 100.</summary>
    public int CountPerTarget { get; init; } = 100;

    /// <summary>The seed. Default: <c>"1"</c>.</summary>
    public string Seed { get; init; } = "1";

    /// <summary>The environment name. Default: <c>"dev"</c>.</summary>
    public string Environment { get; init; } = "dev";

    /// <summary>The locale for realistic values, or null for the generator's default.</summary>
    public string? Locale { get; init; }

    /// <summary>
    /// How real personal data may look: <c>"synthetic"</c> (reserved email domains, test card numbers, fictional phones
    /// and ids) or <c>"lifelike"</c> (everyday domains and numbers; sensitive fields stay synthetic). Default: null, synthetic.
    /// </summary>
    public string? Realism { get; init; }

    /// <summary>At most this many payloads per shard (one activity, one blob). Default: 1000.</summary>
    public int ShardSize { get; init; } = 1000;

    /// <summary>Whether shard blobs are gzip-compressed. Default: false.</summary>
    public bool Gzip { get; init; }

    /// <summary>AI enrichment governance (enabled, deployment allow-list, temperature, token limits, budget, PII policy, cost table). Default: disabled.</summary>
    public TenantAiSettings Ai { get; init; } = new();

    /// <summary>The tenant's approval policy for new contract, profile and prompt versions. Default: only breaking contract changes and prompt changes wait for an approver.</summary>
    public Governance.TenantGovernancePolicy Governance { get; init; } = new();

    /// <summary>The variants the generator knows.</summary>
    /// <remarks><c>edge</c> holds a model's edge-case proposals, so it needs <c>ai.enabled</c>.</remarks>
    public static IReadOnlyList<string> KnownVariants { get; } = ["typical", "minimal", "maximal", "boundary", "negative", "edge"];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and validates a profile; every invalid field is reported in one message.</summary>
    /// <exception cref="MockGenStorageException">The JSON is malformed or a field is out of range.</exception>
    public static TenantProfile Parse(string path, ReadOnlySpan<byte> json)
    {
        TenantProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<TenantProfile>(json, Json);
        }
        catch (JsonException e)
        {
            throw MockGenStorageException.InvalidProfile(path, e.Message);
        }

        return (profile ?? throw MockGenStorageException.InvalidProfile(path, "null")).Validated(path);
    }

    internal TenantProfile Validated(string path)
    {
        var problems = new List<string>();
        if (Variants is null || Variants.Count == 0 || Variants.Any(v => !KnownVariants.Contains(v, StringComparer.Ordinal)))
        {
            problems.Add("variants must be a non-empty subset of " + string.Join(", ", KnownVariants));
        }

        if (Variants?.Contains("edge", StringComparer.Ordinal) == true && Ai is { Enabled: false })
        {
            problems.Add("variants: edge holds a model's edge-case proposals and needs ai.enabled");
        }

        if (CountPerTarget is < 1 or > 10_000_000)
        {
            problems.Add("countPerTarget must be 1..10000000");
        }

        if (ShardSize is < 1 or > 100_000)
        {
            problems.Add("shardSize must be 1..100000");
        }

        if (string.IsNullOrEmpty(Seed) || Seed.Length > 128)
        {
            problems.Add("seed must be 1..128 characters");
        }

        if (string.IsNullOrEmpty(Environment) || Environment.Length > 64)
        {
            problems.Add("environment must be 1..64 characters");
        }

        if (Governance is null)
        {
            problems.Add("governance must be an object");
        }

        if (Realism is not null && !Core.Generation.Realism.RealismProfile.TryParseLevel(Realism, out _))
        {
            problems.Add("realism must be \"synthetic\" or \"lifelike\"");
        }

        if (Ai is null)
        {
            problems.Add("ai must be an object");
        }
        else
        {
            problems.AddRange(Ai.Problems());
        }

        return problems.Count == 0 ? this : throw MockGenStorageException.InvalidProfile(path, string.Join("; ", problems));
    }
}
