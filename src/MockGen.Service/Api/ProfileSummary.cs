using System.Text.Json;
using MockGen.Storage.Governance;

namespace MockGen.Service.Api;

/// <summary>The tenant profile as <c>GET /v1/tenants/{tenant}/profile</c> shows it.</summary>
/// <param name="Active">The active profile version, or null (the legacy blob or the defaults apply).</param>
/// <param name="Profile">The profile in effect.</param>
/// <param name="Versions">Every published profile version with its approval record.</param>
public sealed record ProfileSummary(string? Active, JsonElement Profile, IReadOnlyList<VersionDecision> Versions);
