using System.Text;
using MockGen.Storage.Engine;
using MockGen.Storage.Governance;
using MockGen.Storage.Prompts;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Prompts;

/// <summary>Prompt templates under the tenant's approval policy, on both stores (the local folder and a real Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PromptPublisherTests(AzuriteFixture azurite)
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V2 = "You write payments for {{currency}}.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V3 = "You write refunds.\n---\nScenario {{scenario}} for {{target}}.";

    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task DefaultPolicy_FirstVersionActive_AChangeWaits_UntilApproved_RejectedNeverActive_Rollback(StoreKind kind)
    {
        var (pipeline, prompts, publisher) = Build(kind);
        var tenant = TestStores.Unique("pp");

        var first = await publisher.PublishAsync(tenant, "scenarios", V1, null, "key:kpub");
        Assert.Equal(ApprovalState.Approved, first.Decision.State);
        Assert.Equal(ChangeClass.Initial, first.Decision.Change);
        Assert.True(first.Version.Active);

        // A change: stored and retrievable by its pinned reference, but the name keeps resolving to the approved text.
        var second = await publisher.PublishAsync(tenant, "scenarios", V2, null, "key:kpub");
        Assert.Equal(ApprovalState.PendingApproval, second.Decision.State);
        Assert.Equal(first.Version.Version, second.Decision.ComparedTo);
        Assert.False(second.Version.Active);
        Assert.Equal(V1, (await prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(V2, (await prompts.GetAsync(tenant, "scenarios@" + second.Version.Version)).Text);

        // Publishing the same change again changes nothing; approving it makes it the active text.
        Assert.Equal(ApprovalState.PendingApproval, (await publisher.PublishAsync(tenant, "scenarios", V2, null, "key:kpub")).Decision.State);
        var approved = await publisher.ApproveAsync(tenant, "scenarios", second.Version.Version, "key:kappr", "reviewed");
        Assert.Equal("key:kappr", approved.DecidedBy);
        Assert.Equal(V2, (await prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(second.Version.Version, await pipeline.Governance.GetActiveAsync(tenant, VersionKind.Prompt, "scenarios"));

        // A rejected change never becomes active; an approved older one can be made active again.
        var third = await publisher.PublishAsync(tenant, "scenarios", V3, null, "key:kpub");
        await publisher.RejectAsync(tenant, "scenarios", third.Version.Version, "key:kappr", "off topic");
        var conflict = await Assert.ThrowsAsync<MockGenStorageException>(() => publisher.ActivateAsync(tenant, "scenarios", third.Version.Version, "key:kappr"));
        Assert.Contains("is Rejected", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(V2, (await prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(second.Version.Version, await publisher.ActivateAsync(tenant, "scenarios", first.Version.Version, "key:kappr"));
        Assert.Equal(V1, (await prompts.GetAsync(tenant, "scenarios")).Text);

        // Each version has one decision, in publication order.
        var decisions = new List<VersionDecision>();
        await foreach (var d in pipeline.Governance.ListAsync(tenant, VersionKind.Prompt, "scenarios"))
        {
            decisions.Add(d);
        }

        Assert.Equal([ApprovalState.Approved, ApprovalState.Approved, ApprovalState.Rejected], decisions.Select(d => d.State));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PolicyOff_AChangeIsActiveAtOnce_AndAnotherTenantsPolicyDoesNotApply(StoreKind kind)
    {
        var (pipeline, prompts, publisher) = Build(kind);
        var relaxed = TestStores.Unique("pprelaxed");
        var strict = TestStores.Unique("ppstrict");
        await pipeline.Publisher.PublishProfileAsync(relaxed, Encoding.UTF8.GetBytes("""{"governance":{"approvePromptChanges":false}}"""), "test");

        await publisher.PublishAsync(relaxed, "scenarios", V1, null, "test");
        var change = await publisher.PublishAsync(relaxed, "scenarios", V2, null, "test");
        await publisher.PublishAsync(strict, "scenarios", V1, null, "test");
        var strictChange = await publisher.PublishAsync(strict, "scenarios", V2, null, "test");

        Assert.Equal(ApprovalState.Approved, change.Decision.State);
        Assert.Equal(V2, (await prompts.GetAsync(relaxed, "scenarios")).Text);
        Assert.Equal(ApprovalState.PendingApproval, strictChange.Decision.State);
        Assert.Equal(V1, (await prompts.GetAsync(strict, "scenarios")).Text);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HandWrittenBlob_OfANewVersion_IsTakenInAsPending_NotUsed_UntilApproved_AndAudited(StoreKind kind)
    {
        var (pipeline, _, publisher) = Build(kind);
        var tenant = TestStores.Unique("pphand");
        var other = TestStores.Unique("pphandother");
        var first = await publisher.PublishAsync(tenant, "scenarios", V1, null, "key:kpub");

        // Issue 10's gap: a text written straight to prompts/{tenant}/{name} used to be what the name resolved to.
        await pipeline.Store.Blobs.WriteAsync($"prompts/{tenant}/scenarios", new MemoryStream(Encoding.UTF8.GetBytes(V2)));

        Assert.Equal(V1, (await publisher.GetAsync(tenant, "scenarios")).Text);
        var listed = await ToListAsync(publisher.ListAsync(tenant));
        Assert.Equal([true, false], listed.Select(v => v.Active));
        var hand = listed[1];
        Assert.Equal(PromptText.Parse("x", V2).Version, hand.Version);
        var decision = await pipeline.Governance.GetAsync(tenant, VersionKind.Prompt, "scenarios", hand.Version);
        Assert.Equal(ApprovalState.PendingApproval, decision!.State);
        Assert.Equal(VersionPublisher.BlobUploadPrincipal, decision.PublishedBy);
        Assert.Equal(first.Version.Version, decision.ComparedTo);

        // Its arrival is audited once (reads take it in, they do not re-record it), under the blob-upload principal.
        await publisher.GetAsync(tenant, "scenarios");
        var audited = await ToListAsync(pipeline.Audit.QueryAsync(tenant, null, null, 0, 100));
        var upload = Assert.Single(audited, e => e.Principal == VersionPublisher.BlobUploadPrincipal);
        Assert.Equal(("prompt.upload", "pending-approval", hand.Version), (upload.Action, upload.Outcome, upload.Version));

        // Approved, it is what the name resolves to; another tenant never sees it.
        await publisher.ApproveAsync(tenant, "scenarios", hand.Version, "key:kappr", "reviewed");
        Assert.Equal(V2, (await publisher.GetAsync(tenant, "scenarios")).Text);
        Assert.Null(await publisher.FindAsync(other, "scenarios"));
        Assert.Empty(await ToListAsync(publisher.ListAsync(other)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HandWrittenBlob_OfANewName_IsItsFirstVersion_ActiveAtOnce_AndNotATemplateIsNeverUsed(StoreKind kind)
    {
        var (pipeline, _, publisher) = Build(kind);
        var tenant = TestStores.Unique("ppnew");
        await pipeline.Store.Blobs.WriteAsync($"prompts/{tenant}/by-hand", new MemoryStream(Encoding.UTF8.GetBytes(V2)));
        await pipeline.Store.Blobs.WriteAsync($"prompts/{tenant}/broken", new MemoryStream(Encoding.UTF8.GetBytes("no separator")));

        var only = Assert.Single(await ToListAsync(publisher.ListAsync(tenant)));

        // A store from before governance keeps working: the first text of a name is active, as for contracts.
        Assert.True(only.Active);
        Assert.Equal(V2, (await publisher.GetAsync(tenant, "by-hand")).Text);
        Assert.Null(await publisher.FindAsync(tenant, "broken"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RunForActive_PinsTheProfilesPrompts_ToTheirActiveVersions_AndRefusesAnUnpublishedOne(StoreKind kind)
    {
        var (pipeline, _, publisher) = Build(kind);
        var tenant = TestStores.Unique("pin");
        var values = await publisher.PublishAsync(tenant, "house-values", V1, null, "key:kpub");
        var edge = await publisher.PublishAsync(tenant, "house-edge", V3, null, "key:kpub");
        await pipeline.Publisher.PublishProfileAsync(tenant, Encoding.UTF8.GetBytes("""
            {"variants":["typical","edge"],"ai":{"enabled":true,"deployments":["d"],"prompt":"house-values","edgePrompt":"house-edge"}}
            """), "key:kpub");
        var contract = await pipeline.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        await pipeline.Publisher.PublishContractAsync(contract, "key:kpub");

        var spec = (await pipeline.Publisher.RunForActiveAsync(tenant, "pets.json", contract.Version, 2))!;

        Assert.Equal("house-values@" + values.Version.Version, spec.PromptVersion);
        Assert.Equal("house-edge@" + edge.Version.Version, spec.EdgePromptVersion);
        Assert.Equal(spec.PromptVersion, spec.PromptFor("typical"));
        Assert.Equal(spec.EdgePromptVersion, spec.PromptFor("edge"));
        // A pending change does not move what a new run pins; the same inputs derive the same run id.
        await publisher.PublishAsync(tenant, "house-values", V2, null, "key:kpub");
        var again = (await pipeline.Publisher.RunForActiveAsync(tenant, "pets.json", contract.Version, 2))!;
        Assert.Equal((spec.RunId, spec.PromptVersion, spec.EdgePromptVersion), (again.RunId, again.PromptVersion, again.EdgePromptVersion));

        await pipeline.Publisher.PublishProfileAsync(tenant, Encoding.UTF8.GetBytes("""{"ai":{"enabled":true,"deployments":["d"],"prompt":"never-published"}}"""), "key:kpub");
        var refused = await Assert.ThrowsAsync<MockGenStorageException>(() => pipeline.Publisher.RunForActiveAsync(tenant, "pets.json", contract.Version, 2));
        Assert.Equal(StorageErrorKind.Conflict, refused.Kind);
        Assert.Contains("ai.prompt never-published cannot start a run", refused.Message, StringComparison.Ordinal);
    }

    private (MockGenPipeline Pipeline, PromptRegistry Prompts, PromptPublisher Publisher) Build(StoreKind kind)
    {
        var pipeline = new MockGenPipeline(TestStores.Create(kind, azurite), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        return (pipeline, pipeline.Prompts.Registry, pipeline.Prompts);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
