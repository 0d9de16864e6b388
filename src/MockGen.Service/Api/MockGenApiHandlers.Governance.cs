using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Governance;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Service.Api;

/// <summary>Versions, approval and rollback of contracts and the tenant profile (prompt templates: <c>MockGenApiHandlers.Prompts.cs</c>).</summary>
public sealed partial class MockGenApiHandlers
{
    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}/versions/{version}</c>: the version's bytes, exactly as uploaded.</summary>
    public Task<IResult> GetContractVersionAsync(string tenant, string name, string version, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!Identifiers.IsContractName(name) || !Identifiers.IsVersion(version)
            || await _pipeline.Registry.GetAsync(tenant, name, version, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("contract version", name + "@" + version);
        }

        var bytes = await _pipeline.Registry.ReadContentAsync(tenant, name, version, cancellationToken).ConfigureAwait(false);
        return Results.Bytes(bytes, "application/octet-stream");
    });

    /// <summary><c>POST /v1/tenants/{tenant}/contracts/{name}/versions/{version}/approve</c>: the version becomes active and its run starts.</summary>
    public Task<IResult> ApproveContractVersionAsync(string tenant, string name, string version, HttpRequest request, IRunStarter starter, CancellationToken cancellationToken) =>
        DecideAsync(tenant, VersionKind.Contract, name, version, approve: true, request, starter, cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/contracts/{name}/versions/{version}/reject</c>.</summary>
    public Task<IResult> RejectContractVersionAsync(string tenant, string name, string version, HttpRequest request, CancellationToken cancellationToken) =>
        DecideAsync(tenant, VersionKind.Contract, name, version, approve: false, request, starter: null, cancellationToken);

    /// <summary>
    /// <c>POST /v1/tenants/{tenant}/contracts/{name}/active</c> with an <see cref="ActivateRequest"/>: makes an approved
    /// version active again (a rollback) and, when asked, re-validates the latest sealed dataset against it with the drift run.
    /// </summary>
    public Task<IResult> ActivateContractVersionAsync(string tenant, string name, HttpRequest request, IRunStarter starter, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(starter);
        var (body, refusal) = await ReadBodyAsync<ActivateRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body is null || !Identifiers.IsContractName(name) || !Identifiers.IsVersion(body.Version))
        {
            return Problems.BadRequest("the body must name a 'version' (sha256:…) of the contract");
        }

        AuditNote.Describe(request, "contract:" + name, body.Version);
        var previous = await _pipeline.Governance.ActivateAsync(tenant, VersionKind.Contract, name, body.Version, PrincipalId(request), cancellationToken).ConfigureAwait(false);
        AuditNote.Describe(request, "contract:" + name, body.Version, "previously " + (previous ?? "none"));
        DriftReport? drift = null;
        if (body.Revalidate)
        {
            await foreach (var run in _pipeline.Runs.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
            {
                if (run.IsSealed && string.Equals(run.Spec.ContractName, name, StringComparison.Ordinal))
                {
                    drift = await starter.DriftAsync(new DriftSpec(tenant, run.Spec.RunId, name, body.Version, _maxParallelShards), cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }

        return Results.Ok(new ActivationResult(name, body.Version, previous, drift));
    });

    /// <summary><c>GET /v1/tenants/{tenant}/profile</c>: the profile in effect, its active version and every published version.</summary>
    public Task<IResult> GetProfileAsync(string tenant, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var (profile, active) = await _pipeline.Registry.GetActiveProfileAsync(tenant, cancellationToken).ConfigureAwait(false);
        var versions = new List<VersionDecision>();
        await foreach (var d in _pipeline.Governance.ListAsync(tenant, VersionKind.Profile, ContractRegistry.ProfileName, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(d);
        }

        return Results.Ok(new ProfileSummary(active, JsonSerializer.SerializeToElement(profile, ProfileJson), versions));
    });

    /// <summary><c>PUT /v1/tenants/{tenant}/profile</c>: publishes a new profile version (the body, validated); active at once unless the policy demands approval.</summary>
    public Task<IResult> UploadProfileAsync(string tenant, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > 1024 * 1024)
        {
            return Problems.BadRequest("a profile is at most 1 MiB");
        }

        var decision = await _pipeline.Publisher.PublishProfileAsync(tenant, buffer.ToArray(), PrincipalId(request), cancellationToken).ConfigureAwait(false);
        AuditNote.Describe(request, "profile:" + ContractRegistry.ProfileName, decision.Version, decision.Change.ToString(), decision.State == ApprovalState.PendingApproval ? "pending-approval" : null);
        return decision.State == ApprovalState.PendingApproval ? Results.Json(decision, statusCode: StatusCodes.Status202Accepted) : Results.Ok(decision);
    });

    /// <summary><c>POST /v1/tenants/{tenant}/profile/versions/{version}/approve</c>.</summary>
    public Task<IResult> ApproveProfileVersionAsync(string tenant, string version, HttpRequest request, CancellationToken cancellationToken) =>
        DecideAsync(tenant, VersionKind.Profile, ContractRegistry.ProfileName, version, approve: true, request, starter: null, cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/profile/versions/{version}/reject</c>.</summary>
    public Task<IResult> RejectProfileVersionAsync(string tenant, string version, HttpRequest request, CancellationToken cancellationToken) =>
        DecideAsync(tenant, VersionKind.Profile, ContractRegistry.ProfileName, version, approve: false, request, starter: null, cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/profile/active</c> with an <see cref="ActivateRequest"/>: makes an approved profile version active again.</summary>
    public Task<IResult> ActivateProfileVersionAsync(string tenant, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var (body, refusal) = await ReadBodyAsync<ActivateRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body is null || !Identifiers.IsVersion(body.Version))
        {
            return Problems.BadRequest("the body must name a profile 'version' (sha256:…)");
        }

        AuditNote.Describe(request, "profile:" + ContractRegistry.ProfileName, body.Version);
        var previous = await _pipeline.Governance.ActivateAsync(tenant, VersionKind.Profile, ContractRegistry.ProfileName, body.Version, PrincipalId(request), cancellationToken).ConfigureAwait(false);
        return Results.Ok(new ActivationResult(ContractRegistry.ProfileName, body.Version, previous, null));
    });

    private Task<IResult> DecideAsync(string tenant, VersionKind kind, string name, string version, bool approve, HttpRequest request, IRunStarter? starter, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((kind != VersionKind.Profile && !Identifiers.IsContractName(name)) || !Identifiers.IsVersion(version))
        {
            return Problems.NotFound(kind.ToString().ToLowerInvariant() + " version", name + "@" + version);
        }

        var (body, refusal) = await ReadOptionalBodyAsync<DecisionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var reason = body?.Reason;
        if (reason is { Length: > 500 })
        {
            return Problems.BadRequest("'reason' is at most 500 characters");
        }

        var resource = kind.ToString().ToLowerInvariant() + ":" + name;
        AuditNote.Describe(request, resource, version, reason);
        // Prompts go through their publisher, which also keeps prompts/{tenant}/{name} a copy of the active text.
        var decision = (kind, approve) switch
        {
            (VersionKind.Prompt, true) => await _pipeline.Prompts.ApproveAsync(tenant, name, version, PrincipalId(request), reason, cancellationToken).ConfigureAwait(false),
            (VersionKind.Prompt, false) => await _pipeline.Prompts.RejectAsync(tenant, name, version, PrincipalId(request), reason, cancellationToken).ConfigureAwait(false),
            (_, true) => await _pipeline.Governance.ApproveAsync(tenant, kind, name, version, PrincipalId(request), reason, cancellationToken).ConfigureAwait(false),
            _ => await _pipeline.Governance.RejectAsync(tenant, kind, name, version, PrincipalId(request), reason, cancellationToken).ConfigureAwait(false),
        };
        RunRecord? run = null;
        if (approve && starter is not null && kind == VersionKind.Contract
            && await _pipeline.Publisher.RunForActiveAsync(tenant, name, version, _maxParallelShards, cancellationToken).ConfigureAwait(false) is { } spec)
        {
            run = await starter.StartAsync(spec, cancellationToken).ConfigureAwait(false);
            AuditNote.Describe(request, resource, version, (reason is null ? string.Empty : reason + "; ") + "started run " + spec.RunId);
        }

        return Results.Ok(new DecisionResult(decision, run));
    });

    private async Task<ContractSummary> SummarizeAsync(string tenant, string name, IReadOnlyList<ContractVersion> versions, CancellationToken cancellationToken)
    {
        var active = await _pipeline.Governance.GetActiveAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false);
        var decisions = new Dictionary<string, VersionDecision>(StringComparer.Ordinal);
        await foreach (var d in _pipeline.Governance.ListAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false))
        {
            decisions[d.Version] = d;
        }

        return new ContractSummary(name, active, [.. versions.Select(v => ContractVersionState.Of(v, decisions.GetValueOrDefault(v.Version), active))]);
    }

    private static string PrincipalId(HttpRequest request) => TenantAuthorizer.PrincipalOf(request.HttpContext)?.Id ?? "unknown";

    private static readonly JsonSerializerOptions ProfileJson = new(JsonSerializerDefaults.Web);

    /// <summary>As <see cref="ReadBodyAsync{T}"/>, but an empty body (no content) is allowed and gives null.</summary>
    private static async Task<(T? Body, IResult? Refusal)> ReadOptionalBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType))
        {
            return (null, null);
        }

        return await ReadBodyAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }
}
