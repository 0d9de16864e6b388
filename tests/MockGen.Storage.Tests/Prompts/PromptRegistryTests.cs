using System.Text;
using Microsoft.Extensions.Time.Testing;
using MockGen.Storage.Governance;
using MockGen.Storage.Prompts;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Prompts;

/// <summary>The prompt registry's versions on both stores: the local folder and Azure (a real Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PromptRegistryTests(AzuriteFixture azurite)
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V2 = "You write payments for {{currency}}.\n---\nScenario {{scenario}} for {{target}}.";

    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Store_NewTexts_AddImmutableVersions_EveryOneRetrievable_NoneActiveUntilGovernanceSays(StoreKind kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = TestStores.Create(kind, azurite);
        var governance = new VersionGovernance(store.Tables, time);
        var registry = new PromptRegistry(store.Blobs, governance, time);
        var tenant = TestStores.Unique("p");

        var (v1, created1) = await registry.StoreAsync(tenant, "scenarios", V1);
        time.Advance(TimeSpan.FromMinutes(5));
        var (again, createdAgain) = await registry.StoreAsync(tenant, "scenarios", V1.Replace("\n", "\r\n", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromMinutes(5));
        var (v2, created2) = await registry.StoreAsync(tenant, "scenarios", V2);

        Assert.True(created1);
        Assert.False(createdAgain);
        Assert.True(created2);
        Assert.Equal(PromptText.Parse("x", V1).Version, v1.Version);
        Assert.Equal(v1.Version, again.Version);
        Assert.Equal("2026-12-01T09:00:00.0000000+00:00", again.PushedAt);
        Assert.Equal(["currency", "scenario", "target"], v2.Parameters);
        Assert.Equal(V1, (await registry.GetAsync(tenant, "scenarios@" + v1.Version)).Text);
        Assert.Equal(V2, (await registry.GetAsync(tenant, "scenarios@" + v2.Version)).Text);

        // Stored is not active: only the governance pointer decides what the name resolves to.
        Assert.Null(await registry.FindAsync(tenant, "scenarios"));
        Assert.Equal([false, false], (await ToListAsync(registry.ListAsync(tenant))).Select(v => v.Active));
        await governance.ProposeAsync(tenant, VersionKind.Prompt, "scenarios", v2.Version, ChangeClass.Initial, null, [], requiresApproval: false, "test");
        Assert.Equal(V2, (await registry.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal([false, true], (await ToListAsync(registry.ListAsync(tenant, "scenarios"))).Select(v => v.Active));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Store_NotATemplate_ThrowsNamingTheSourceAndRule_AndStoresNothing(StoreKind kind)
    {
        var store = TestStores.Create(kind, azurite);
        var registry = new PromptRegistry(store);
        var tenant = TestStores.Unique("p");
        await registry.StoreAsync(tenant, "scenarios", V1);

        var error = await Assert.ThrowsAsync<PromptRegistryException>(() => registry.StoreAsync(tenant, "scenarios", "no separator here", "prompts/broken.prompt"));

        Assert.Equal("prompts/broken.prompt: not a prompt template: a prompt template needs a line '---' between the system part and the user part", error.Message);
        Assert.Single(await ToListAsync(registry.ListAsync(tenant)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Get_AlteredVersionBlob_IsRefused(StoreKind kind)
    {
        var store = TestStores.Create(kind, azurite);
        var registry = new PromptRegistry(store);
        var tenant = TestStores.Unique("p");
        var (v1, _) = await registry.StoreAsync(tenant, "scenarios", V1);
        var path = $"prompt-versions/{tenant}/scenarios/{v1.Version[7..]}.prompt";
        await store.Blobs.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(V2)));

        var error = await Assert.ThrowsAsync<PromptRegistryException>(() => registry.GetAsync(tenant, "scenarios@" + v1.Version));

        Assert.StartsWith(path + ": the stored bytes no longer hash to " + v1.Version, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x", "prompt name '../x' is not valid")]
    [InlineData("x@sha256:12", "prompt 'x@sha256:12': a version is sha256: followed by 64 lowercase hex digits")]
    [InlineData("missing", "prompt 'missing' is not in the registry of tenant 'default'")]
    public async Task Get_BadOrUnknownReference_NamesTheRule(string reference, string expected)
    {
        var registry = new PromptRegistry(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-prompts-").FullName));

        var error = await Assert.ThrowsAsync<PromptRegistryException>(() => registry.GetAsync(null, reference));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(reference == "missing", error.IsNotFound);
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
