using System.Text;
using Microsoft.AspNetCore.Http;
using MockGen.Service.Auth;
using MockGen.Storage;
using MockGen.Storage.Governance;
using MockGen.Storage.Prompts;

namespace MockGen.Service.Api;

/// <summary>
/// Prompt templates through the API, the governed path (issue 10): publish, list, read, approve, reject and activate,
/// shaped like the contract routes. What a run's <c>--prompt {name}</c> resolves to is the active version that these
/// routes (or <c>mockgen prompts</c>) approved or activated; a text written straight to <c>prompts/{tenant}/{name}</c>
/// is only a proposal (<see cref="PromptPublisher"/>).
/// </summary>
public sealed partial class MockGenApiHandlers
{
    /// <summary>The largest prompt template accepted, in bytes.</summary>
    public const int MaxPromptBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><c>GET /v1/tenants/{tenant}/prompts</c>: every prompt with its versions, their approval state and the active one.</summary>
    public Task<IResult> ListPromptsAsync(string tenant, CancellationToken cancellationToken) => PromptGuardAsync(async () =>
    {
        var versions = new List<PromptVersion>();
        await foreach (var v in _pipeline.Prompts.ListAsync(tenant, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            versions.Add(v);
        }

        var summaries = new List<PromptSummary>();
        foreach (var group in versions.GroupBy(v => v.Name, StringComparer.Ordinal))
        {
            summaries.Add(await SummarizePromptAsync(tenant, group.Key, [.. group], cancellationToken).ConfigureAwait(false));
        }

        return Results.Ok(summaries);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/prompts/{name}</c>: one prompt's versions.</summary>
    public Task<IResult> ListPromptVersionsAsync(string tenant, string name, CancellationToken cancellationToken) => PromptGuardAsync(async () =>
    {
        if (!Identifiers.IsContractName(name))
        {
            return Problems.BadRequest($"'{name}' is not a prompt name");
        }

        var versions = new List<PromptVersion>();
        await foreach (var v in _pipeline.Prompts.ListAsync(tenant, name, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(v);
        }

        return versions.Count == 0 ? Problems.NotFound("prompt", name) : Results.Ok(await SummarizePromptAsync(tenant, name, versions, cancellationToken).ConfigureAwait(false));
    });

    /// <summary>
    /// <c>PUT /v1/tenants/{tenant}/prompts/{name}</c>: the body (UTF-8 template text) becomes a version. 200 when it is
    /// active (the first version, or the policy does not gate prompt changes), 202 when it waits for an approver.
    /// </summary>
    public Task<IResult> UploadPromptAsync(string tenant, string name, HttpRequest request, CancellationToken cancellationToken) => PromptGuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Identifiers.IsContractName(name))
        {
            return Problems.BadRequest($"'{name}' is not a prompt name");
        }

        if (request.ContentLength > MaxPromptBytes)
        {
            return Problems.BadRequest($"a prompt template is at most {MaxPromptBytes} bytes");
        }

        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxPromptBytes)
        {
            return Problems.BadRequest($"a prompt template is at most {MaxPromptBytes} bytes");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            return Problems.BadRequest($"{name}: a prompt template is UTF-8 text; byte {e.Index} is not");
        }

        // A byte order mark is not text: File.ReadAllText drops it for `mockgen prompts push`, so the same file has one version either way.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        AuditNote.Describe(request, "prompt:" + name);
        var published = await _pipeline.Prompts.PublishAsync(tenant, name, text, "request body", PrincipalId(request), cancellationToken).ConfigureAwait(false);
        var decision = published.Decision;
        var pending = decision.State == ApprovalState.PendingApproval;
        AuditNote.Describe(request, "prompt:" + name, published.Version.Version, decision.Change + (published.Created ? string.Empty : ", already stored"), pending ? "pending-approval" : null);
        var state = PromptVersionState.Of(published.Version, decision);
        // 202: stored, but waiting for an approver before the name resolves to it.
        return pending ? Results.Json(state, statusCode: StatusCodes.Status202Accepted) : Results.Ok(state);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/prompts/{name}/versions/{version}</c>: the version's text, exactly the bytes that are hashed.</summary>
    public Task<IResult> GetPromptVersionAsync(string tenant, string name, string version, CancellationToken cancellationToken) => PromptGuardAsync(async () =>
    {
        if (!Identifiers.IsContractName(name) || !Identifiers.IsVersion(version)
            || await _pipeline.Prompts.Registry.FindAsync(tenant, name + "@" + version, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return Problems.NotFound("prompt version", name + "@" + version);
        }

        return Results.Text(text.Text, "text/plain", Encoding.UTF8);
    });

    /// <summary><c>POST /v1/tenants/{tenant}/prompts/{name}/versions/{version}/approve</c>: the version becomes the active template.</summary>
    public Task<IResult> ApprovePromptVersionAsync(string tenant, string name, string version, HttpRequest request, CancellationToken cancellationToken) =>
        PromptGuardAsync(() => DecideAsync(tenant, VersionKind.Prompt, name, version, approve: true, request, starter: null, cancellationToken));

    /// <summary><c>POST /v1/tenants/{tenant}/prompts/{name}/versions/{version}/reject</c>: it never becomes active.</summary>
    public Task<IResult> RejectPromptVersionAsync(string tenant, string name, string version, HttpRequest request, CancellationToken cancellationToken) =>
        PromptGuardAsync(() => DecideAsync(tenant, VersionKind.Prompt, name, version, approve: false, request, starter: null, cancellationToken));

    /// <summary><c>POST /v1/tenants/{tenant}/prompts/{name}/active</c> with an <see cref="ActivateRequest"/>: makes an approved version active again (a rollback).</summary>
    public Task<IResult> ActivatePromptVersionAsync(string tenant, string name, HttpRequest request, CancellationToken cancellationToken) => PromptGuardAsync(async () =>
    {
        var (body, refusal) = await ReadBodyAsync<ActivateRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body is null || !Identifiers.IsContractName(name) || !Identifiers.IsVersion(body.Version))
        {
            return Problems.BadRequest("the body must name a 'version' (sha256:…) of the prompt");
        }

        if (body.Revalidate)
        {
            return Problems.BadRequest("'revalidate' re-runs drift against a contract version; a prompt has no dataset to re-validate");
        }

        AuditNote.Describe(request, "prompt:" + name, body.Version);
        var previous = await _pipeline.Prompts.ActivateAsync(tenant, name, body.Version, PrincipalId(request), cancellationToken).ConfigureAwait(false);
        AuditNote.Describe(request, "prompt:" + name, body.Version, "previously " + (previous ?? "none"));
        return Results.Ok(new ActivationResult(name, body.Version, previous, null));
    });

    private async Task<PromptSummary> SummarizePromptAsync(string tenant, string name, IReadOnlyList<PromptVersion> versions, CancellationToken cancellationToken)
    {
        var active = await _pipeline.Governance.GetActiveAsync(tenant, VersionKind.Prompt, name, cancellationToken).ConfigureAwait(false);
        var decisions = new Dictionary<string, VersionDecision>(StringComparer.Ordinal);
        await foreach (var d in _pipeline.Governance.ListAsync(tenant, VersionKind.Prompt, name, cancellationToken).ConfigureAwait(false))
        {
            decisions[d.Version] = d;
        }

        return new PromptSummary(name, active, [.. versions.Select(v => PromptVersionState.Of(v, decisions.GetValueOrDefault(v.Version)))]);
    }

    // The registry's bad input (a text that is not a template, a tampered version blob) is the caller's to fix: 400, or 404 for a missing one.
    private static async Task<IResult> PromptGuardAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await GuardAsync(handler).ConfigureAwait(false);
        }
        catch (PromptRegistryException e)
        {
            return Problems.From(e);
        }
    }
}
