using System.Runtime.CompilerServices;
using MockGen.Storage.Audit;
using MockGen.Storage.Governance;
using MockGen.Storage.Registry;

namespace MockGen.Storage.Prompts;

/// <summary>
/// Publishes prompt templates under the tenant's approval policy, the way <see cref="VersionPublisher"/> does for
/// contracts and profiles, over the same <see cref="VersionGovernance"/> table (kind <see cref="VersionKind.Prompt"/>):
/// a new version of a name that already has an active version is a change, and under
/// <see cref="TenantGovernancePolicy.ApprovePromptChanges"/> (on by default) it is stored but waits as
/// <see cref="ApprovalState.PendingApproval"/>; <c>{name}</c>, what <c>--prompt {name}</c> and the API resolve, keeps
/// the approved version until an approver approves (it becomes active) or rejects it. The first version of a name is
/// active at once: nothing uses the name before it exists. Every version stays retrievable by
/// <c>{name}@sha256:…</c> whatever its state.
/// <para>
/// A text written by hand to <c>prompts/{tenant}/{name}</c> (a blob tool, a script) is taken in as a version
/// published by <see cref="VersionPublisher.BlobUploadPrincipal"/> the next time the name is read or listed, and
/// follows the same policy, so a raw write cannot bypass approval; its arrival is audited here, as a contract blob's is.
/// The API, the CLI and the hosts share this one class. Immutable and thread-safe.
/// </para>
/// </summary>
public sealed class PromptPublisher
{
    private readonly PromptRegistry _prompts;
    private readonly ContractRegistry _registry;
    private readonly VersionGovernance _governance;
    private readonly AuditLog _audit;

    /// <summary>Creates the publisher.</summary>
    /// <param name="prompts">The prompt registry (the templates' blobs).</param>
    /// <param name="registry">Reads the tenant's active profile, whose <c>governance</c> section is the policy.</param>
    /// <param name="governance">The version decisions and active versions.</param>
    /// <param name="audit">Records hand uploads taken in from <c>prompts/{tenant}/{name}</c>.</param>
    public PromptPublisher(PromptRegistry prompts, ContractRegistry registry, VersionGovernance governance, AuditLog audit)
    {
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
    }

    /// <summary>The registry the publisher writes (pinned reads need no governance).</summary>
    public PromptRegistry Registry => _prompts;

    /// <summary>
    /// Stores <paramref name="text"/> as a version of the prompt and records it in governance: active at once when it is
    /// the first version of the name or the policy does not demand approval, otherwise pending. Publishing a version
    /// that has a decision already changes nothing (re-activating an older approved version is <see cref="ActivateAsync"/>).
    /// </summary>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid, or the text is not a template.</exception>
    public async Task<PromptPublication> PublishAsync(string tenant, string name, string text, string? source, string publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publishedBy);
        tenant = PromptRegistry.CheckTenant(tenant);
        PromptRegistry.CheckName(name);
        // A hand upload waiting in the slot is taken in first: activating this version rewrites the slot.
        await IntakeAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        var (version, created) = await _prompts.StoreAsync(tenant, name, text, source, cancellationToken).ConfigureAwait(false);
        var decision = await ProposeAsync(version, publishedBy, cancellationToken).ConfigureAwait(false);
        var active = await _governance.GetActiveAsync(tenant, VersionKind.Prompt, name, cancellationToken).ConfigureAwait(false);
        return new PromptPublication(version with { Active = version.Version == active }, decision, created);
    }

    /// <summary>Approves a pending version: it becomes the active template.</summary>
    /// <exception cref="MockGenStorageException">There is no such version (NotFound), or it is not pending (Conflict).</exception>
    public async Task<VersionDecision> ApproveAsync(string tenant, string name, string version, string approver, string? reason, CancellationToken cancellationToken = default)
    {
        await IntakeAsync(PromptRegistry.CheckTenant(tenant), name, cancellationToken).ConfigureAwait(false);
        var decision = await _governance.ApproveAsync(tenant, VersionKind.Prompt, name, version, approver, reason, cancellationToken).ConfigureAwait(false);
        await _prompts.WriteActiveCopyAsync(tenant, name, version, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Rejects a pending version: it can never become active (it stays retrievable by its pinned reference).</summary>
    /// <exception cref="MockGenStorageException">There is no such version (NotFound), or it is not pending (Conflict).</exception>
    public async Task<VersionDecision> RejectAsync(string tenant, string name, string version, string approver, string? reason, CancellationToken cancellationToken = default)
    {
        await IntakeAsync(PromptRegistry.CheckTenant(tenant), name, cancellationToken).ConfigureAwait(false);
        var decision = await _governance.RejectAsync(tenant, VersionKind.Prompt, name, version, approver, reason, cancellationToken).ConfigureAwait(false);
        // A rejected hand upload leaves the slot: it holds the active text again, so the slot never shows a text runs do not use.
        if (await _governance.GetActiveAsync(tenant, VersionKind.Prompt, name, cancellationToken).ConfigureAwait(false) is { } active)
        {
            await _prompts.WriteActiveCopyAsync(tenant, name, active, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>Makes an approved version the active template again (a rollback); returns the version it replaced.</summary>
    /// <exception cref="MockGenStorageException">There is no such version (NotFound), or it is pending or rejected (Conflict).</exception>
    public async Task<string?> ActivateAsync(string tenant, string name, string version, string by, CancellationToken cancellationToken = default)
    {
        await IntakeAsync(PromptRegistry.CheckTenant(tenant), name, cancellationToken).ConfigureAwait(false);
        var previous = await _governance.ActivateAsync(tenant, VersionKind.Prompt, name, version, by, cancellationToken).ConfigureAwait(false);
        await _prompts.WriteActiveCopyAsync(tenant, name, version, cancellationToken).ConfigureAwait(false);
        return previous;
    }

    /// <summary>
    /// Reads a template by reference as runs use it: <c>{name}</c> is the active version (a hand upload waiting in the
    /// slot is taken in first, and stays pending under the policy), <c>{name}@sha256:…</c> one version. Null when none.
    /// </summary>
    /// <exception cref="PromptRegistryException">The tenant, name or version is invalid; the stored text is not a template or was altered.</exception>
    public async Task<PromptText?> FindAsync(string? tenant, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var tenantId = PromptRegistry.CheckTenant(tenant);
        if (!PromptRegistry.IsPinned(reference))
        {
            await IntakeAsync(tenantId, PromptRegistry.NameOf(reference), cancellationToken).ConfigureAwait(false);
        }

        return await _prompts.FindAsync(tenantId, reference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="FindAsync"/>, but a missing prompt is an error naming the tenant.</summary>
    /// <exception cref="PromptRegistryException">Not found, or as <see cref="FindAsync"/>.</exception>
    public async Task<PromptText> GetAsync(string? tenant, string reference, CancellationToken cancellationToken = default) =>
        await FindAsync(tenant, reference, cancellationToken).ConfigureAwait(false) ?? throw PromptRegistryException.NotFound(PromptRegistry.CheckTenant(tenant), reference);

    /// <summary>Lists every version of the tenant's prompts (or of one), hand uploads taken in first; the active ones are marked.</summary>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid.</exception>
    public async IAsyncEnumerable<PromptVersion> ListAsync(string? tenant, string? name = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenantId = PromptRegistry.CheckTenant(tenant);
        if (name is not null)
        {
            await IntakeAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var uploads = new List<string>();
            await foreach (var upload in _prompts.ListUploadsAsync(tenantId, cancellationToken).ConfigureAwait(false))
            {
                uploads.Add(upload);
            }

            foreach (var upload in uploads)
            {
                await IntakeAsync(tenantId, upload, cancellationToken).ConfigureAwait(false);
            }
        }

        await foreach (var version in _prompts.ListAsync(tenantId, name, cancellationToken).ConfigureAwait(false))
        {
            yield return version;
        }
    }

    /// <summary>
    /// Takes the text at <c>prompts/{tenant}/{name}</c> in as a version published by
    /// <see cref="VersionPublisher.BlobUploadPrincipal"/>, unless it already has a decision (the usual case: the slot holds
    /// the active text). A text that is not a template is left alone: it never becomes a version, so nothing uses it.
    /// </summary>
    private async Task IntakeAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        PromptRegistry.CheckName(name);
        if (await _prompts.ReadUploadAsync(tenant, name, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return;
        }

        PromptVersion version;
        try
        {
            (version, _) = await _prompts.StoreAsync(tenant, name, text, PromptRegistry.Container + "/" + tenant + "/" + name, cancellationToken).ConfigureAwait(false);
        }
        catch (PromptRegistryException)
        {
            return;
        }

        await ProposeAsync(version, VersionPublisher.BlobUploadPrincipal, cancellationToken).ConfigureAwait(false);
    }

    private async Task<VersionDecision> ProposeAsync(PromptVersion version, string publishedBy, CancellationToken cancellationToken)
    {
        if (await _governance.GetAsync(version.Tenant, VersionKind.Prompt, version.Name, version.Version, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var active = await _governance.GetActiveAsync(version.Tenant, VersionKind.Prompt, version.Name, cancellationToken).ConfigureAwait(false);
        var policy = (await _registry.GetActiveProfileAsync(version.Tenant, cancellationToken).ConfigureAwait(false)).Profile.Governance;
        var change = active is null ? ChangeClass.Initial : ChangeClass.Changed;
        var requiresApproval = change == ChangeClass.Changed && policy.ApprovePromptChanges;
        var (decision, created) = await _governance.ProposeAsync(version.Tenant, VersionKind.Prompt, version.Name, version.Version, change, active, [], requiresApproval, publishedBy, cancellationToken).ConfigureAwait(false);
        if (decision.State == ApprovalState.Approved && created)
        {
            await _prompts.WriteActiveCopyAsync(version.Tenant, version.Name, version.Version, cancellationToken).ConfigureAwait(false);
        }

        if (created && string.Equals(publishedBy, VersionPublisher.BlobUploadPrincipal, StringComparison.Ordinal))
        {
            // API and CLI publications are audited with their principal by their caller; a blob has no request, so its arrival is audited here.
            await _audit.AppendAsync(
                new AuditEvent(version.Tenant, publishedBy, "publisher", "prompt.upload", decision.State == ApprovalState.PendingApproval ? "pending-approval" : "ok")
                {
                    Resource = "prompt:" + version.Name,
                    Version = version.Version,
                    Detail = decision.Change.ToString(),
                },
                cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }
}
