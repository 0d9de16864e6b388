using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockGen.Core.Generation.Enrichment;
using MockGen.Storage.Stores;

namespace MockGen.Ai.Cassettes;

/// <summary>
/// Enrichment plans stored next to the cassette they shaped: one JSON blob per target at
/// <c>ai-cassettes/{tenant}/plans/{hex}.json</c>, the hex being SHA-256 of the target's plan identity
/// (<c>DatasetGenerator.PlanIdentity</c>). A record run writes them; a replay reads them instead of probing the
/// target again, which was its only cost that did not scale with the payload count. A plan is a cache: a missing,
/// unreadable or mismatched blob reads as absent and the target is probed as before, which gives the same plan.
/// </summary>
public sealed class PlanStore
{
    /// <summary>The folder inside a tenant's cassette where plans live.</summary>
    public const string Folder = "plans";

    // The cassette's settings, but escaping only what JSON requires: the identity (JSON in a string) and the contract's
    // own text stay readable in review.
    private static readonly JsonSerializerOptions Json = new(CassetteStore.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IBlobStore _blobs;

    /// <summary>Wraps a blob store.</summary>
    public PlanStore(IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _blobs = blobs;
    }

    /// <summary>The blob path of a plan identity for a tenant.</summary>
    public static string PathOf(string? tenant, string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return CassetteStore.Container + "/" + (string.IsNullOrEmpty(tenant) ? CassetteStore.NoTenant : tenant) + "/" + Folder + "/" + hex + ".json";
    }

    /// <summary>Reads the plan stored for an identity, or null when none is (or the blob is not a plan for it).</summary>
    public async Task<EnrichmentTargetPlan?> ReadAsync(string? tenant, string identity, CancellationToken cancellationToken = default)
    {
        var stream = await _blobs.OpenReadAsync(PathOf(tenant, identity), cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            StoredPlan? stored;
            try
            {
                stored = await BlobJson.ReadAsync<StoredPlan>(stream, Json, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Only a cache: probing again gives the right plan, so a damaged blob costs time, never bytes.
                return null;
            }

            return stored is { Plan: { TargetId: not null, TargetName: not null, Fields: { } fields } plan } && stored.Identity == identity && fields.All(IsComplete)
                ? plan
                : null;
        }
    }

    /// <summary>Writes (or replaces) the plan of an identity.</summary>
    public async Task WriteAsync(string? tenant, string identity, EnrichmentTargetPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new StoredPlan(identity, plan), Json);
        using var stream = new MemoryStream(bytes, writable: false);
        await _blobs.WriteAsync(PathOf(tenant, identity), stream, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsComplete(EnrichmentField field) =>
        field is { Path: not null, Examples: not null, Siblings: not null } && field.Examples.All(e => e is not null) && field.Siblings.All(s => s is not null);
}
