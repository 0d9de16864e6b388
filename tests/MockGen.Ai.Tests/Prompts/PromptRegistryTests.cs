using System.Text;
using MockGen.Ai.Prompts;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MockGen.Ai.Tests.Prompts;

/// <summary>The prompt registry on both stores: the local folder and Azure Blob (a real Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PromptRegistryTests(AzuriteFixture azurite)
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V2 = "You write payments for {{currency}}.\n---\nScenario {{scenario}} for {{target}}.";

    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Push_NewTexts_AddImmutableVersions_EveryOneRetrievable_LastActive(StoreKind kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = TestStores.Create(kind, azurite);
        var registry = new PromptRegistry(store.Blobs, time);
        var tenant = TestStores.Unique("p");

        var (v1, created1) = await registry.PushAsync(tenant, "scenarios", V1);
        time.Advance(TimeSpan.FromMinutes(5));
        var (again, createdAgain) = await registry.PushAsync(tenant, "scenarios", V1.Replace("\n", "\r\n", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromMinutes(5));
        var (v2, created2) = await registry.PushAsync(tenant, "scenarios", V2);

        Assert.True(created1);
        Assert.False(createdAgain);
        Assert.True(created2);
        Assert.Equal(PromptTemplate.Parse("x", V1).Version, v1.Version);
        Assert.Equal(v1.Version, again.Version);
        Assert.Equal("2026-12-01T09:00:00.0000000+00:00", again.PushedAt);
        Assert.Equal(["currency", "scenario", "target"], v2.Parameters);

        var listed = await ToListAsync(registry.ListAsync(tenant));
        Assert.Equal([v1.Version, v2.Version], listed.Select(v => v.Version));
        Assert.Equal([false, true], listed.Select(v => v.Active));
        Assert.Equal(v2.Version, (await registry.GetAsync(tenant, "scenarios")).Version);
        Assert.Equal(V1, (await registry.GetAsync(tenant, "scenarios@" + v1.Version)).Text);
        Assert.Equal(V2, (await registry.GetAsync(tenant, "scenarios@" + v2.Version)).Text);

        // Pushing the old text again makes it active again; its first push time stands.
        await registry.PushAsync(tenant, "scenarios", V1);
        var relisted = await ToListAsync(registry.ListAsync(tenant, "scenarios"));
        Assert.Equal([true, false], relisted.Select(v => v.Active));
        Assert.Equal(v1.PushedAt, relisted[0].PushedAt);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Push_NotATemplate_ThrowsNamingTheSourceAndRule_AndKeepsTheActiveVersion(StoreKind kind)
    {
        var store = TestStores.Create(kind, azurite);
        var registry = new PromptRegistry(store.Blobs);
        var tenant = TestStores.Unique("p");
        await registry.PushAsync(tenant, "scenarios", V1);

        var error = await Assert.ThrowsAsync<PromptRegistryException>(() => registry.PushAsync(tenant, "scenarios", "no separator here", "prompts/broken.prompt"));

        Assert.Equal("prompts/broken.prompt: not a prompt template: a prompt template needs a line '---' between the system part and the user part", error.Message);
        Assert.Equal(V1, (await registry.GetAsync(tenant, "scenarios")).Text);
        Assert.Single(await ToListAsync(registry.ListAsync(tenant)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Find_TextUploadedByHand_IsRegisteredAsAVersion_TenantsStayApart(StoreKind kind)
    {
        var store = TestStores.Create(kind, azurite);
        var registry = new PromptRegistry(store.Blobs);
        var tenant = TestStores.Unique("p");
        var other = TestStores.Unique("q");
        await store.Blobs.WriteAsync($"prompts/{tenant}/by-hand", new MemoryStream(Encoding.UTF8.GetBytes(V2)));

        var listed = await ToListAsync(registry.ListAsync(tenant));

        var only = Assert.Single(listed);
        Assert.True(only.Active);
        Assert.Equal(PromptTemplate.Parse("x", V2).Version, only.Version);
        Assert.Equal(V2, (await registry.GetAsync(tenant, "by-hand@" + only.Version)).Text);
        Assert.Null(await registry.FindAsync(other, "by-hand"));
        Assert.Empty(await ToListAsync(registry.ListAsync(other)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Get_AlteredVersionBlob_IsRefused(StoreKind kind)
    {
        var store = TestStores.Create(kind, azurite);
        var registry = new PromptRegistry(store.Blobs);
        var tenant = TestStores.Unique("p");
        var (v1, _) = await registry.PushAsync(tenant, "scenarios", V1);
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
        var registry = new PromptRegistry(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-prompts-").FullName).Blobs);

        var error = await Assert.ThrowsAsync<PromptRegistryException>(() => registry.GetAsync(null, reference));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
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
