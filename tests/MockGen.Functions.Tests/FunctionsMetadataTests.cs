using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using MockGen.Functions.Hosting;
using MockGen.Functions.Tests.Support;
using MockGen.Functions.Triggers;
using MockGen.Service.Hosting;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Engine;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Functions.Tests;

/// <summary>What the Functions host will read: the build's functions.metadata, host.json and the sample settings.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly FunctionsMetadata Metadata = FunctionsMetadata.Load();

    [Fact]
    public void Metadata_ListsEveryFunction_InTheAppAssembly_WithItsTrigger()
    {
        var byName = Metadata.Functions.ToDictionary(f => f.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal(FunctionRegistry.Functions.Select(FunctionRegistry.NameOf).Order(StringComparer.Ordinal), byName.Keys.Order(StringComparer.Ordinal));
        foreach (var function in Metadata.Functions)
        {
            Assert.Equal("MockGen.Functions.dll", function.GetProperty("scriptFile").GetString());
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
            Assert.Same(FunctionsMetadata.EntryPoint(function.GetProperty("entryPoint").GetString()!).DeclaringType!.Assembly, typeof(MockGenFunctionsServices).Assembly);
        }

        var activityNames = typeof(ActivityNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(6, activityNames.Count);
        foreach (var name in activityNames)
        {
            Assert.Equal("activityTrigger", Trigger(byName[name]).GetProperty("type").GetString());
        }

        foreach (var name in new[] { RunOrchestrator.Name, DriftOrchestrator.Name })
        {
            var bindings = byName[name].GetProperty("bindings").EnumerateArray().ToList();
            Assert.Equal("orchestrationTrigger", Assert.Single(bindings).GetProperty("type").GetString());
        }

        Assert.Equal(1 + 6 + 2 + MockGen.Service.Auth.ApiRoutes.Api.Count + 1, byName.Count);
    }

    [Fact]
    public void Metadata_ContractTrigger_IsAnEventGridBlobTriggerOnContracts_WithTheStoreConnection()
    {
        var function = Metadata.Functions.Single(f => f.GetProperty("name").GetString() == ContractUploadedFunction.Name);
        var trigger = Trigger(function);
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("contracts/{tenant}/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal(MockGenStorageSettings.ConnectionName, trigger.GetProperty("connection").GetString());
        Assert.Equal("MockGenStorage", trigger.GetProperty("connection").GetString());
        Assert.Contains(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "durableClient");

        // Only this trigger names a connection; Durable and the HTTP functions use the host's defaults.
        var connections = Metadata.Functions.SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.TryGetProperty("connection", out _)).Select(b => b.GetProperty("connection").GetString()).ToList();
        Assert.Equal(["MockGenStorage"], connections);
    }

    [Fact]
    public async Task Metadata_HttpFunctions_AreAnonymous_AndTheirRoutesAreServesRouteTable()
    {
        // serve's route table, read from its endpoints (the app is built, never started).
        var pipeline = new MockGenPipeline(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-fn-serve-").FullName), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        await using var serve = MockGenServer.Build(pipeline, new ServeOptions { Port = 0, WatchContracts = false });
        var endpoints = ((IEndpointRouteBuilder)serve).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        // The dashboard's browser pages are serve's own (excluded from the API description); the Functions app hosts the API.
        var serveRoutes = endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => m + " /" + e.RoutePattern.RawText!.TrimStart('/') + " " + e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName))
            .Order(StringComparer.Ordinal).ToList();

        var functionRoutes = Metadata.HttpRoutes
            .SelectMany(r => r.Methods.Select(m => m.ToUpperInvariant() + " /" + r.Route + " " + r.Name))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(MockGen.Service.Auth.ApiRoutes.Api.Count + 1, serveRoutes.Count);
        Assert.Equal(serveRoutes, functionRoutes);

        foreach (var function in Metadata.Functions.Where(f => Trigger(f).GetProperty("type").GetString() == "httpTrigger"))
        {
            Assert.Equal("Anonymous", Trigger(function).GetProperty("authLevel").GetString());
            Assert.Contains(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
        }
    }

    [Fact]
    public void HostJson_EmptyRoutePrefix_HubNameFromSetting_ConcurrencyLimits()
    {
        using var host = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var extensions = host.RootElement.GetProperty("extensions");
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal(string.Empty, extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        var durable = extensions.GetProperty("durableTask");
        Assert.Equal("%MOCKGEN_TASKHUB%", durable.GetProperty("hubName").GetString());
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32() > 0);
        Assert.True(host.RootElement.GetProperty("logging").TryGetProperty("logLevel", out _));
    }

    [Fact]
    public void LocalSettingsSample_RunsOnAzurite_WithEverySettingTheAppReads()
    {
        var path = Path.Combine(MockGen.Storage.Tests.Support.RepositoryRoot.Find(), "src", "MockGen.Functions", "local.settings.sample.json");
        using var settings = JsonDocument.Parse(File.ReadAllBytes(path));
        var values = settings.RootElement.GetProperty("Values");
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty(MockGenStorageSettings.ConnectionName).GetString());
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", values.GetProperty("MOCKGEN_TASKHUB").GetString());
        Assert.True(values.TryGetProperty("MockGen__MaxParallelShards", out _));
        // AI enrichment's settings, replay by default (cassettes in MockGen's store); the key stays out of the sample.
        Assert.Equal("replay", values.GetProperty(MockGen.Ai.Pipeline.AiShardEnricherOptions.ModeSetting).GetString());
        Assert.True(values.TryGetProperty(MockGen.Ai.Pipeline.AiShardEnricherOptions.EndpointSetting, out _));
        Assert.True(values.TryGetProperty(MockGen.Ai.Pipeline.AiShardEnricherOptions.DeploymentSetting, out _));
        Assert.False(values.TryGetProperty(MockGen.Ai.Gateway.AzureOpenAIGatewayOptions.ApiKeyVariable, out _));
        Assert.Equal(MockGen.Ai.Cassettes.CassetteMode.Replay, MockGen.Ai.Pipeline.AiShardEnricherOptions.FromSettings(n => values.TryGetProperty(n, out var v) ? v.GetString() : null).Mode);
    }

    [Fact]
    public async Task GeneratedProvider_TheHostsRuntimeSource_AgreesWithTheFile()
    {
        // worker.config.json says workerIndexing: the host asks the worker, which answers from this generated class.
        var indexed = await new MockGen.Functions.GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppContext.BaseDirectory);
        Assert.Equal(
            Metadata.Functions.Select(f => f.GetProperty("name").GetString() + " " + f.GetProperty("entryPoint").GetString()).Order(StringComparer.Ordinal),
            indexed.Select(f => f.Name + " " + f.EntryPoint).Order(StringComparer.Ordinal));
        var trigger = JsonDocument.Parse(indexed.Single(f => f.Name == ContractUploadedFunction.Name).RawBindings![0]).RootElement;
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("MockGenStorage", trigger.GetProperty("connection").GetString());
    }

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
}
