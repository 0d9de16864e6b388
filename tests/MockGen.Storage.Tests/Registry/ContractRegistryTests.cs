using System.Text;
using MockGen.Storage.Registry;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Registry;

[Collection(AzuriteCollection.Name)]
public sealed class ContractRegistryTests(AzuriteFixture azurite)
{
    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Register_NewBytes_AddsImmutableVersions_OlderStayRetrievable(StoreKind kind)
    {
        var h = new PipelineHarness(TestStores.Create(kind, azurite));
        var tenant = TestStores.Unique("t");
        var v1 = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var v2 = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV2);

        Assert.Equal(ContractStatus.Ready, v1.Status);
        Assert.Equal(2, v1.TargetCount);
        Assert.StartsWith("sha256:", v1.Version, StringComparison.Ordinal);
        AssertSame(v1, again);
        Assert.NotEqual(v1.Version, v2.Version);
        Assert.Equal("2026-11-01T12:10:00.0000000+00:00", v2.UploadedAt);

        var listed = await ToListAsync(h.Registry.ListAsync(tenant));
        Assert.Equal(new[] { v1.Version, v2.Version }, listed.Select(v => v.Version));
        Assert.Equal(v2.Version, (await h.Registry.GetLatestAsync(tenant, "pets.json"))!.Version);
        Assert.Equal(TestContracts.PetsV1, await h.Registry.ReadContentAsync(tenant, "pets.json", v1.Version));
        Assert.Equal(TestContracts.PetsV2, await h.Registry.ReadContentAsync(tenant, "pets.json", v2.Version));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Register_Malformed_RecordsFailedVersion_AndDisturbsNothing(StoreKind kind)
    {
        var h = new PipelineHarness(TestStores.Create(kind, azurite));
        var tenant = TestStores.Unique("t");
        var good = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var bad = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.Malformed);

        Assert.Equal(ContractStatus.Failed, bad.Status);
        var diagnostic = Assert.Single(bad.Diagnostics);
        Assert.Contains("pets.json", diagnostic, StringComparison.Ordinal);
        Assert.StartsWith("pets.json:2:37: invalid JSON", diagnostic, StringComparison.Ordinal);
        Assert.Equal(0, bad.TargetCount);

        AssertSame(good, (await h.Registry.GetAsync(tenant, "pets.json", good.Version))!);
        Assert.Equal(TestContracts.PetsV1, await h.Registry.ReadContentAsync(tenant, "pets.json", good.Version));
        Assert.Equal(2, (await ToListAsync(h.Registry.ListAsync(tenant))).Count);
    }

    [Fact]
    public async Task Register_UnresolvableRef_IsAFailedVersionNamingThePointer()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var contract = """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","properties":{"owner":{"$ref":"#/components/schemas/Missing"}}}}}}"""u8.ToArray();
        var version = await h.Registry.RegisterAsync("acme", "pets.json", contract);
        Assert.Equal(ContractStatus.Failed, version.Status);
        Assert.Contains(version.Diagnostics, d => d.Contains("#/components/schemas/Missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tenant", "pets.json")]
    [InlineData("a/b", "pets.json")]
    [InlineData("..", "pets.json")]
    [InlineData("ok", "../x.json")]
    [InlineData("ok", "a/b.json")]
    [InlineData("ok", ".hidden")]
    public async Task Register_InvalidIds_Rejected(string tenant, string name)
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var error = await Assert.ThrowsAsync<MockGenStorageException>(() => h.Registry.RegisterAsync(tenant, name, TestContracts.PetsV1));
        Assert.Equal(StorageErrorKind.InvalidInput, error.Kind);
    }

    [Fact]
    public async Task Profile_ReadFromBlobBesideContracts_AndDefaultsWhenAbsent()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        Assert.Equal(100, (await h.Registry.GetProfileAsync("acme")).CountPerTarget);

        await h.Store.Blobs.WriteAsync("contracts/acme/mockgen.profile.json", new MemoryStream(Encoding.UTF8.GetBytes("""{"variants":["typical","minimal"],"countPerTarget":7,"seed":"42","environment":"ci","shardSize":3,"gzip":true}""")));
        var profile = await h.Registry.GetProfileAsync("acme");
        Assert.Equal(new[] { "typical", "minimal" }, profile.Variants);
        Assert.Equal(7, profile.CountPerTarget);
        Assert.Equal(3, profile.ShardSize);
        Assert.True(profile.Gzip);
    }

    [Fact]
    public void Profile_Invalid_ReportsEveryFieldInOneMessage()
    {
        var error = Assert.Throws<MockGenStorageException>(() => TenantProfile.Parse("p.json", """{"variants":["weird"],"countPerTarget":0,"shardSize":0}"""u8));
        Assert.Contains("variants", error.Message, StringComparison.Ordinal);
        Assert.Contains("countPerTarget", error.Message, StringComparison.Ordinal);
        Assert.Contains("shardSize", error.Message, StringComparison.Ordinal);
        Assert.Throws<MockGenStorageException>(() => TenantProfile.Parse("p.json", """{"unknownField":1}"""u8));
    }

    private static void AssertSame(ContractVersion expected, ContractVersion actual)
    {
        Assert.Equal(expected with { Diagnostics = [] }, actual with { Diagnostics = [] });
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
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
