using System.Globalization;
using Microsoft.AspNetCore.Http;
using MockGen.Storage.Audit;
using MockGen.Storage.Runs;

namespace MockGen.Service.Api;

/// <summary>The audit log query and run reproduction.</summary>
public sealed partial class MockGenApiHandlers
{
    /// <summary>
    /// <c>GET /v1/tenants/{tenant}/audit?from=&amp;to=&amp;after=&amp;limit=</c>: the tenant's audit entries with
    /// from &lt;= time &lt; to (ISO-8601, either optional), oldest first, after sequence <c>after</c>, at most
    /// <c>limit</c> (1..10000, default 1000). Page on by passing the last sequence as <c>after</c>.
    /// </summary>
    public Task<IResult> QueryAuditAsync(string tenant, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (!TryTime(query["from"], out var from) || !TryTime(query["to"], out var to))
        {
            return Problems.BadRequest("'from' and 'to' must be ISO-8601 times (e.g. 2026-12-01T00:00:00Z)");
        }

        if (!TryParseIndex(query["after"], out var after) || after < 0 || !TryParseIndex(query["limit"], out var limit) || limit is < 1 or > 10_000)
        {
            return Problems.BadRequest("'after' must be 0 or more and 'limit' 1..10000");
        }

        var entries = new List<AuditEntry>();
        await foreach (var entry in _pipeline.Audit.QueryAsync(tenant, from, to, after ?? 0, (int)(limit ?? 1000), cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return Results.Ok(entries);
    });

    /// <summary>
    /// <c>POST /v1/tenants/{tenant}/runs/{runId}/reproduce</c>: re-runs the sealed run from the versions and inputs it
    /// recorded and compares every regenerated shard with the manifest's SHA-256; nothing is written.
    /// </summary>
    public Task<IResult> ReproduceRunAsync(string tenant, string runId, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Storage.Identifiers.IsRunId(runId))
        {
            return Problems.NotFound("run", runId);
        }

        Auth.AuditNote.Describe(request, "run:" + runId);
        Reproduction result = await _reproducer.ReproduceAsync(tenant, runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        Auth.AuditNote.Describe(request, "run:" + runId, result.ContractVersion, result.Reproduced ? "byte-identical, digest " + result.ReproducedDigest[..16] : result.Mismatches.Count + " mismatch(es)");
        return Results.Ok(result);
    });

    private static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
