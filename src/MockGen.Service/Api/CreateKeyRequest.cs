namespace MockGen.Service.Api;

/// <summary>The body of <c>POST /v1/tenants/{tenant}/keys</c>.</summary>
/// <param name="Roles">The key's roles: <c>reader</c>, <c>runner</c>, <c>publisher</c>, <c>approver</c>, <c>admin</c> (or <c>all</c>).</param>
/// <param name="Name">A label, e.g. <c>ci-pipeline</c>. Default: none.</param>
/// <param name="ExpiresInDays">Days until it expires (1..3650). Default: never, unless <paramref name="ExpiresAt"/> is given.</param>
/// <param name="ExpiresAt">When it expires. Default: never, unless <paramref name="ExpiresInDays"/> is given.</param>
public sealed record CreateKeyRequest(IReadOnlyList<string> Roles, string? Name = null, int? ExpiresInDays = null, DateTimeOffset? ExpiresAt = null);
