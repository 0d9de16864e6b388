using MockGen.Storage.Governance;
using MockGen.Storage.Registry;

namespace MockGen.Ai.Prompts;

/// <summary>
/// Publishes prompt templates under the tenant's approval policy, the way <see cref="VersionPublisher"/> does for
/// contracts and profiles, over the same <see cref="VersionGovernance"/> table (kind <see cref="VersionKind.Prompt"/>):
/// a new version of a name that already has an active version is a change, and under
/// <see cref="TenantGovernancePolicy.ApprovePromptChanges"/> (on by default) it is stored but waits as
/// <see cref="ApprovalState.PendingApproval"/>; <c>prompts/{tenant}/{name}</c>, what <c>--prompt {name}</c> and the
/// enrichment read, keeps the approved text until an approver approves (it becomes active) or rejects it. The first
/// version of a name is active at once: nothing uses the name before it exists. Every version stays retrievable by
/// <c>{name}@sha256:…</c> whatever its state. Immutable and thread-safe.
/// </summary>
public sealed class PromptPublisher
{
    private readonly PromptRegistry _prompts;
    private readonly ContractRegistry _registry;
    private readonly VersionGovernance _governance;

    /// <summary>Creates the publisher.</summary>
    /// <param name="prompts">The prompt registry (the templates' blobs).</param>
    /// <param name="registry">Reads the tenant's active profile, whose <c>governance</c> section is the policy.</param>
    /// <param name="governance">The version decisions and active versions.</param>
    public PromptPublisher(PromptRegistry prompts, ContractRegistry registry, VersionGovernance governance)
    {
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
    }

    /// <summary>
    /// Stores <paramref name="text"/> as a version of the prompt and records it in governance: active at once when it is
    /// the first version of the name or the policy does not demand approval, otherwise pending. Publishing a version
    /// that has a decision already changes nothing (re-activating an older approved version is <see cref="ActivateAsync"/>).
    /// </summary>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid, or the text is not a template.</exception>
    public async Task<PromptPublication> PublishAsync(string tenant, string name, string text, string? source, string publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publishedBy);
        var active = (await _prompts.FindAsync(tenant, name, cancellationToken).ConfigureAwait(false))?.Version;
        var (version, created) = await _prompts.StoreAsync(tenant, name, text, source, cancellationToken).ConfigureAwait(false);
        if (await _governance.GetAsync(tenant, VersionKind.Prompt, name, version.Version, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new PromptPublication(version with { Active = version.Version == active }, existing, created);
        }

        var policy = (await _registry.GetActiveProfileAsync(tenant, cancellationToken).ConfigureAwait(false)).Profile.Governance;
        var change = active is null ? ChangeClass.Initial : version.Version == active ? ChangeClass.NonBreaking : ChangeClass.Changed;
        var requiresApproval = change == ChangeClass.Changed && policy.ApprovePromptChanges;
        var (decision, _) = await _governance.ProposeAsync(tenant, VersionKind.Prompt, name, version.Version, change, active, [], requiresApproval, publishedBy, cancellationToken).ConfigureAwait(false);
        if (decision.State == ApprovalState.Approved)
        {
            await _prompts.ActivateAsync(tenant, name, version.Version, cancellationToken).ConfigureAwait(false);
        }

        return new PromptPublication(version with { Active = decision.State == ApprovalState.Approved }, decision, created);
    }

    /// <summary>Approves a pending version: it becomes the active template.</summary>
    /// <exception cref="Storage.MockGenStorageException">There is no such version (NotFound), or it is not pending (Conflict).</exception>
    public async Task<VersionDecision> ApproveAsync(string tenant, string name, string version, string approver, string? reason, CancellationToken cancellationToken = default)
    {
        var decision = await _governance.ApproveAsync(tenant, VersionKind.Prompt, name, version, approver, reason, cancellationToken).ConfigureAwait(false);
        await _prompts.ActivateAsync(tenant, name, version, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Rejects a pending version: it can never become active (it stays retrievable by its pinned reference).</summary>
    /// <exception cref="Storage.MockGenStorageException">There is no such version (NotFound), or it is not pending (Conflict).</exception>
    public Task<VersionDecision> RejectAsync(string tenant, string name, string version, string approver, string? reason, CancellationToken cancellationToken = default) =>
        _governance.RejectAsync(tenant, VersionKind.Prompt, name, version, approver, reason, cancellationToken);

    /// <summary>Makes an approved version the active template again (a rollback); returns the version it replaced.</summary>
    /// <exception cref="Storage.MockGenStorageException">There is no such version (NotFound), or it is pending or rejected (Conflict).</exception>
    public async Task<string?> ActivateAsync(string tenant, string name, string version, string by, CancellationToken cancellationToken = default)
    {
        var previous = (await _prompts.FindAsync(tenant, name, cancellationToken).ConfigureAwait(false))?.Version;
        await _governance.ActivateAsync(tenant, VersionKind.Prompt, name, version, by, cancellationToken).ConfigureAwait(false);
        await _prompts.ActivateAsync(tenant, name, version, cancellationToken).ConfigureAwait(false);
        return previous;
    }
}
