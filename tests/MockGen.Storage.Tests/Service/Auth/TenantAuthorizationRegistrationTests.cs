using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Service.Auth;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Auth;

/// <summary>How hosts register the tenant check: both hosts call the same helper; Entra is optional.</summary>
public sealed class TenantAuthorizationRegistrationTests
{
    [Fact]
    public void TenantAuthorizer_ResolvesWithOnlyTheApiKeyStoreRegistered()
    {
        var services = new ServiceCollection().AddSingleton(new ApiKeyStore(PipelineStoreFactory.Local().Tables)).AddSingleton<TenantAuthorizer>();

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<TenantAuthorizer>());
    }

    [Fact]
    public void AddMockGenTenantAuthorization_WithoutEntra_RegistersNoValidator()
    {
        var services = new ServiceCollection().AddSingleton(new ApiKeyStore(PipelineStoreFactory.Local().Tables)).AddMockGenTenantAuthorization();

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<TenantAuthorizer>());
        Assert.Null(provider.GetService<EntraTokenValidator>());
    }

    [Fact]
    public void AddMockGenTenantAuthorization_FromMockGenEntraSection_RegistersTheValidator()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MockGen:Entra:Authority"] = "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0",
            ["MockGen:Entra:Audience"] = "api://mockgen",
            ["MockGen:Entra:TenantClaim"] = "mockgen_tenants",
        }).Build();
        var services = new ServiceCollection().AddSingleton(new ApiKeyStore(PipelineStoreFactory.Local().Tables)).AddMockGenTenantAuthorization(configuration);

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<EntraTokenValidator>());
        Assert.NotNull(provider.GetRequiredService<TenantAuthorizer>());
    }

    [Fact]
    public void AddMockGenTenantAuthorization_InvalidSection_FailsAtRegistration_NotAtTheFirstRequest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MockGen:Entra:Authority"] = "https://login.microsoftonline.com/organizations/v2.0",
        }).Build();

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMockGenTenantAuthorization(configuration));

        Assert.Contains("audience is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("'organizations'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMockGenTenantAuthorization_NoSection_IsApiKeysOnly()
    {
        var services = new ServiceCollection().AddSingleton(new ApiKeyStore(PipelineStoreFactory.Local().Tables))
            .AddMockGenTenantAuthorization(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<EntraTokenValidator>());
    }
}
