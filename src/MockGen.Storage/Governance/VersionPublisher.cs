using MockGen.Core.Contracts;
using MockGen.Storage.Audit;
using MockGen.Storage.Diff;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Prompts;

namespace MockGen.Storage.Governance;

/// <summary>
/// Publishes new versions into governance, the one step every intake path shares (the API upload, serve's contract
/// watcher, the Functions blob trigger): a contract version is classified with <see cref="ContractDiffer"/> against
/// the active version; a non-breaking one becomes active at once, a breaking one (or any one, under a tenant policy
/// that demands it) waits for an approver. Profiles follow the policy alone. It lives beside the intake in Storage
/// because the hosts' intake paths (watcher, blob trigger) must gate runs the same way the API does.
/// </summary>
public sealed class VersionPublisher
{
    /// <summary>The principal recorded for versions that arrive as blobs (watcher, trigger) rather than through the API.</summary>
    public const string BlobUploadPrincipal = "blob-upload";

    private readonly ContractRegistry _registry;
    private readonly VersionGovernance _governance;
    private readonly AuditLog _audit;
    private readonly PromptRegistry _prompts;

    /// <summary>Creates the publisher.</summary>
    public VersionPublisher(ContractRegistry registry, VersionGovernance governance, AuditLog audit)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _prompts = new PromptRegistry(registry.Store.Blobs, governance);
    }

    /// <summary>
    /// Classifies and records a registered contract version (idempotent: the first decision stands). Null for a
    /// version that failed to load: it never enters governance.
    /// </summary>
    public async Task<VersionDecision?> PublishContractAsync(ContractVersion version, string publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Status != ContractStatus.Ready)
        {
            return null;
        }

        if (await _governance.GetAsync(version.Tenant, VersionKind.Contract, version.Name, version.Version, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var active = await _governance.GetActiveAsync(version.Tenant, VersionKind.Contract, version.Name, cancellationToken).ConfigureAwait(false);
        var policy = (await _registry.GetActiveProfileAsync(version.Tenant, cancellationToken).ConfigureAwait(false)).Profile.Governance;
        var (change, breaking) = active is null ? (ChangeClass.Initial, (IReadOnlyList<string>)[]) : await ClassifyAsync(version, active, cancellationToken).ConfigureAwait(false);
        var requiresApproval = change == ChangeClass.Breaking || policy.ApproveAllContractChanges;
        var (decision, created) = await _governance.ProposeAsync(version.Tenant, VersionKind.Contract, version.Name, version.Version, change, active, breaking, requiresApproval, publishedBy, cancellationToken).ConfigureAwait(false);
        if (created && string.Equals(publishedBy, BlobUploadPrincipal, StringComparison.Ordinal))
        {
            // API uploads are audited by the gate with their principal; a blob has no request, so its arrival is audited here.
            await _audit.AppendAsync(Audited(decision, "contract.upload"), cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>Stores and records a new tenant profile version (validated first); it follows the active profile's policy.</summary>
    /// <exception cref="MockGenStorageException">The profile is malformed (nothing is stored).</exception>
    public async Task<VersionDecision> PublishProfileAsync(string tenant, ReadOnlyMemory<byte> content, string publishedBy, CancellationToken cancellationToken = default)
    {
        var (current, activeVersion) = await _registry.GetActiveProfileAsync(tenant, cancellationToken).ConfigureAwait(false);
        var version = await _registry.RegisterProfileAsync(tenant, content, cancellationToken).ConfigureAwait(false);
        var (decision, _) = await _governance.ProposeAsync(
            tenant, VersionKind.Profile, ContractRegistry.ProfileName, version, activeVersion is null ? ChangeClass.Initial : ChangeClass.Changed, activeVersion, [], current.Governance.ApproveProfileChanges, publishedBy, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>
    /// The run a contract version starts once it is active: the active profile applied to it, with the run id derived
    /// from the inputs. Null when the version is not the active one (pending, rejected, superseded, or failed).
    /// </summary>
    public async Task<RunSpec?> RunForActiveAsync(string tenant, string name, string version, int maxParallelShards, CancellationToken cancellationToken = default)
    {
        var active = await _governance.GetActiveAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(active, version, StringComparison.Ordinal))
        {
            return null;
        }

        var (profile, profileVersion) = await _registry.GetActiveProfileAsync(tenant, cancellationToken).ConfigureAwait(false);
        var spec = RunSpec.FromProfile(tenant, name, version, profile, maxParallelShards: maxParallelShards) with { ProfileVersion = profileVersion };
        return await RunPrompts.PinAsync(spec, profile.Ai, _prompts, runIdGiven: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ChangeClass, IReadOnlyList<string>)> ClassifyAsync(ContractVersion version, string active, CancellationToken cancellationToken)
    {
        try
        {
            var loader = new ContractLoader();
            var oldContract = loader.Load(version.Name, await _registry.ReadContentAsync(version.Tenant, version.Name, active, cancellationToken).ConfigureAwait(false), cancellationToken);
            var newContract = loader.Load(version.Name, await _registry.ReadContentAsync(version.Tenant, version.Name, version.Version, cancellationToken).ConfigureAwait(false), cancellationToken);
            var diff = ContractDiffer.Compare(oldContract, newContract);
            var breaking = diff.Changes.Where(c => c.Severity == ChangeSeverity.Breaking).Select(c => c.Target + (c.Path.Length == 0 ? string.Empty : " " + c.Path) + ": " + c.Message).ToList();
            return (breaking.Count > 0 ? ChangeClass.Breaking : ChangeClass.NonBreaking, breaking);
        }
        catch (Exception e) when (e is ContractException or MockGenStorageException or Core.Schema.SchemaException)
        {
            // A diff that cannot be computed is treated as breaking: an approver looks at it rather than nobody.
            return (ChangeClass.Breaking, ["the versions could not be compared: " + e.Message]);
        }
    }

    private static AuditEvent Audited(VersionDecision d, string action) =>
        new(d.Tenant, d.PublishedBy, "publisher", action, d.State == ApprovalState.PendingApproval ? "pending-approval" : "ok")
        {
            Resource = d.Kind.ToString().ToLowerInvariant() + ":" + d.Name,
            Version = d.Version,
            Detail = d.Change + (d.BreakingChanges.Count > 0 ? ", " + d.BreakingChanges.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " breaking change(s)" : string.Empty),
        };
}
