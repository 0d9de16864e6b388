using Microsoft.AspNetCore.Http;
using MockGen.Service.Auth;

namespace MockGen.Service.Api;

/// <summary>API key management: create (the secret is shown once), list (metadata only), revoke, rotate with overlap.</summary>
public sealed partial class MockGenApiHandlers
{
    /// <summary><c>POST /v1/tenants/{tenant}/keys</c> with a <see cref="CreateKeyRequest"/>: 201 with the key's record and its secret (the only time it is shown).</summary>
    public Task<IResult> CreateKeyAsync(string tenant, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var (body, refusal) = await ReadBodyAsync<CreateKeyRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body?.Roles is null)
        {
            return Problems.BadRequest("'roles' is required: a list of reader, runner, publisher, approver, admin (or all)");
        }

        if (body.ExpiresInDays is < 1 or > 3650 || (body.ExpiresInDays is not null && body.ExpiresAt is not null))
        {
            return Problems.BadRequest("'expiresInDays' must be 1..3650, and not given together with 'expiresAt'");
        }

        try
        {
            var roles = TenantRoles.Parse(body.Roles);
            DateTimeOffset? expires = body.ExpiresInDays is { } days ? _pipeline.Time.GetUtcNow().AddDays(days) : body.ExpiresAt;
            var created = await _keys.CreateAsync(tenant, roles, body.Name, expires, PrincipalId(request), cancellationToken).ConfigureAwait(false);
            AuditNote.Describe(request, "key:" + created.Key.Id, detail: "roles " + string.Join(',', created.Key.Roles) + (created.Key.ExpiresAt is { } e ? ", expires " + e : string.Empty));
            return Results.Json(created, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    });

    /// <summary><c>GET /v1/tenants/{tenant}/keys</c>: every key's metadata (id, roles, created, expires, last used, revoked); never a secret or hash.</summary>
    public Task<IResult> ListKeysAsync(string tenant, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var keys = new List<ApiKeyRecord>();
        await foreach (var key in _keys.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        return Results.Ok(keys);
    });

    /// <summary><c>DELETE /v1/tenants/{tenant}/keys/{keyId}</c>: revokes the key at once.</summary>
    public Task<IResult> RevokeKeyAsync(string tenant, string keyId, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        AuditNote.Describe(request, "key:" + keyId);
        var revoked = await _keys.RevokeAsync(tenant, keyId, cancellationToken).ConfigureAwait(false);
        return revoked is null ? Problems.NotFound("key", keyId) : Results.Ok(revoked);
    });

    /// <summary><c>POST /v1/tenants/{tenant}/keys/{keyId}/rotate</c>: a new key with the same roles; the old one works for the overlap, then expires.</summary>
    public Task<IResult> RotateKeyAsync(string tenant, string keyId, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var (body, refusal) = await ReadOptionalBodyAsync<RotateKeyRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body?.OverlapHours is < 0 or > 720)
        {
            return Problems.BadRequest("'overlapHours' must be 0..720");
        }

        AuditNote.Describe(request, "key:" + keyId);
        try
        {
            var rotated = await _keys.RotateAsync(tenant, keyId, TimeSpan.FromHours(body?.OverlapHours ?? 24), PrincipalId(request), cancellationToken).ConfigureAwait(false);
            if (rotated is null)
            {
                return Problems.NotFound("key", keyId);
            }

            AuditNote.Describe(request, "key:" + keyId, detail: "replaced by " + rotated.Key.Id);
            return Results.Json(rotated, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException e)
        {
            return Problems.Conflict(e.Message);
        }
    });
}
