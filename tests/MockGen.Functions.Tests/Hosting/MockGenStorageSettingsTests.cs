using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Functions.Hosting;

namespace MockGen.Functions.Tests.Hosting;

public sealed class MockGenStorageSettingsTests
{
    [Fact]
    public void CreateStore_ConnectionString_ReachesThatAccount()
    {
        var store = MockGenStorageSettings.CreateStore(Config(new() { ["MockGenStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;" }));
        Assert.Equal("azure http://127.0.0.1:10000/devstoreaccount1", store.Description);
    }

    [Fact]
    public void CreateStore_IdentityBasedSettings_UseTheServiceUris()
    {
        var store = MockGenStorageSettings.CreateStore(Config(new()
        {
            ["MockGenStorage:blobServiceUri"] = "https://stmockgen.blob.core.windows.net/",
            ["MockGenStorage:tableServiceUri"] = "https://stmockgen.table.core.windows.net/",
            ["MockGenStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }));
        Assert.Equal("azure https://stmockgen.blob.core.windows.net/", store.Description);

        var byAccount = MockGenStorageSettings.CreateStore(Config(new() { ["MockGenStorage:accountName"] = "stother" }));
        Assert.Equal("azure https://stother.blob.core.windows.net/", byAccount.Description);
    }

    [Fact]
    public void CreateStore_NothingOrHalfConfigured_NamesTheSettings()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => MockGenStorageSettings.CreateStore(Config(new() { ["MockGenStorage:blobServiceUri"] = "https://x.blob.core.windows.net/" })));
        Assert.Contains("MockGenStorage__tableServiceUri", missing.Message, StringComparison.Ordinal);
        var malformed = Assert.Throws<InvalidOperationException>(() => MockGenStorageSettings.CreateStore(Config(new() { ["MockGenStorage:blobServiceUri"] = "not a uri", ["MockGenStorage:tableServiceUri"] = "https://x.table.core.windows.net/" })));
        Assert.Contains("MockGenStorage__blobServiceUri", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMockGenFunctions_BindsTheMockGenSection_AndRejectsBadValues()
    {
        var services = new ServiceCollection().AddMockGenFunctions(Config(new() { ["MockGenStorage"] = "UseDevelopmentStorage=true", ["MockGen:MaxParallelShards"] = "7" }));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(7, provider.GetRequiredService<MockGenFunctionsOptions>().MaxParallelShards);
        Assert.NotNull(provider.GetRequiredService<MockGen.Service.Auth.TenantAuthorizer>());

        var bad = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMockGenFunctions(Config(new() { ["MockGen:MaxParallelShards"] = "0" })));
        Assert.Contains("MockGen:MaxParallelShards", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMockGenFunctions_WiresEntraFromTheMockGenEntraSection()
    {
        var keysOnly = new ServiceCollection().AddMockGenFunctions(Config(new() { ["MockGenStorage"] = "UseDevelopmentStorage=true" }));
        using (var provider = keysOnly.BuildServiceProvider())
        {
            Assert.Null(provider.GetService<MockGen.Service.Auth.EntraTokenValidator>());
        }

        var entra = new ServiceCollection().AddMockGenFunctions(Config(new()
        {
            ["MockGenStorage"] = "UseDevelopmentStorage=true",
            ["MockGen:Entra:Authority"] = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0",
            ["MockGen:Entra:Audience"] = "api://mockgen",
        }));
        using (var provider = entra.BuildServiceProvider())
        {
            Assert.NotNull(provider.GetService<MockGen.Service.Auth.EntraTokenValidator>());
            Assert.NotNull(provider.GetRequiredService<MockGen.Service.Auth.TenantAuthorizer>());
        }

        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMockGenFunctions(Config(new()
        {
            ["MockGenStorage"] = "UseDevelopmentStorage=true",
            ["MockGen:Entra:Authority"] = "https://login.microsoftonline.com/common/v2.0",
            ["MockGen:Entra:Audience"] = "api://mockgen",
        })));
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
