using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Ai.Pipeline;
using MockGen.Service.Api;
using MockGen.Service.Auth;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Functions.Hosting;

/// <summary>The Functions app's DI registrations, in one place for Program.cs and the tests.</summary>
public static class MockGenFunctionsServices
{
    /// <summary>
    /// Registers MockGen over the store the app settings describe (<see cref="MockGenStorageSettings"/>) and the
    /// <c>MockGen</c> options section (<see cref="MockGenFunctionsOptions"/>), with Entra ID bearer tokens when
    /// <c>MockGen:Entra:Authority</c> is set, and AI enrichment from <c>MOCKGEN_AI_MODE</c>, <c>AZURE_OPENAI_ENDPOINT</c>,
    /// <c>AZURE_OPENAI_DEPLOYMENT</c> and <c>AZURE_OPENAI_API_KEY</c> (without a key, Entra ID as <c>AZURE_CLIENT_ID</c>'s
    /// managed identity; see <see cref="AiShardEnricherOptions.FromSettings"/>). The store is built on first use.
    /// </summary>
    /// <exception cref="ArgumentException">The MockGen options or the AI settings are invalid (every problem named).</exception>
    public static IServiceCollection AddMockGenFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MockGenFunctionsOptions();
        configuration.GetSection(MockGenFunctionsOptions.Section).Bind(options);
        // Entra ID first: the store overload's registration is a TryAdd, so the bearer-token validator bound from
        // MockGen:Entra (app settings MockGen__Entra__*) is the one every HTTP function's tenant check uses.
        services.AddMockGenTenantAuthorization(configuration);
        var ai = AiShardEnricherOptions.FromSettings(name => configuration[name]);
        return services.AddMockGenFunctions(_ => MockGenStorageSettings.CreateStore(configuration), options, ai);
    }

    /// <summary>
    /// Registers MockGen over a given store: the pipeline, its activities, the shared API handlers, the API key store
    /// and the tenant authorizer (which every HTTP function calls first), and the API's JSON and problem-details
    /// services. AI enrichment (<paramref name="ai"/>, default replay) acts only for tenants whose profile enables it.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IServiceCollection AddMockGenFunctions(this IServiceCollection services, Func<IServiceProvider, PipelineStore> store, MockGenFunctionsOptions options, AiShardEnricherOptions? ai = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var pipelineStore = sp.GetRequiredService<PipelineStore>();
            return new MockGenPipeline(pipelineStore, CoreEngine.Create(time).WithAiEnrichment(pipelineStore, ai ?? new AiShardEnricherOptions()), time);
        });
        services.AddSingleton<PipelineActivities>(sp => sp.GetRequiredService<MockGenPipeline>().Activities);
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<PipelineStore>().Tables, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<MockGenPipeline>().Audit);
        services.AddSingleton(sp => new MockGenApiHandlers(sp.GetRequiredService<MockGenPipeline>(), options.MaxParallelShards, sp.GetRequiredService<ApiKeyStore>()));
        services.AddMockGenTenantAuthorization();
        services.AddMockGenApi();
        return services;
    }
}
