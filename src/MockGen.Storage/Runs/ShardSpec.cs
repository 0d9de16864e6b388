using System.Globalization;

namespace MockGen.Storage.Runs;

/// <summary>The input of one generate-shard activity: which payloads, and the blob they go to.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="ContractName">The contract name.</param>
/// <param name="ContractVersion">The contract version.</param>
/// <param name="RunId">The run id.</param>
/// <param name="TargetOrdinal">The target's position in the contract's target list (used in ids and blob names).</param>
/// <param name="TargetId">The target id.</param>
/// <param name="Variant">The variant.</param>
/// <param name="StartIndex">The first payload index.</param>
/// <param name="Count">The payload count.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Locale">The locale, or null.</param>
/// <param name="Gzip">Whether the blob is gzip-compressed.</param>
public sealed record ShardSpec(
    string Tenant,
    string ContractName,
    string ContractVersion,
    string RunId,
    int TargetOrdinal,
    string TargetId,
    string Variant,
    long StartIndex,
    int Count,
    string Seed,
    string Environment,
    string? Locale,
    bool Gzip)
{
    /// <summary>The run's realism (<c>synthetic</c> or <c>lifelike</c>), or null for the default.</summary>
    public string? Realism { get; init; }

    /// <summary>
    /// The profile version the run was planned with, or null (legacy or default profile): the AI enrichment settings
    /// are read from it, so a profile published mid-run, or since (a reproduction), changes nothing in this shard.
    /// </summary>
    public string? ProfileVersion { get; init; }

    /// <summary>The run's pinned prompt template for this shard's variant (<c>name@sha256:…</c>), or null for the built-in one.</summary>
    public string? Prompt { get; init; }

    /// <summary>The shard's key: its lineage row key and blob file stem; sorts in plan order.</summary>
    public string ShardKey => ShardKeyOf(TargetOrdinal, Variant, StartIndex);

    /// <summary>The blob the shard is written to.</summary>
    public string BlobPath => RunPaths.Folder(Tenant, ContractName, ContractVersion, RunId) + ShardKey + (Gzip ? ".ndjson.gz" : ".ndjson");

    internal static string ShardKeyOf(int targetOrdinal, string variant, long startIndex) =>
        targetOrdinal.ToString("D5", CultureInfo.InvariantCulture) + "." + variant + "." + startIndex.ToString("D10", CultureInfo.InvariantCulture);
}
