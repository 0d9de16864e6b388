using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Tests.Support;

/// <summary>A real `mockgen serve` host on a free 127.0.0.1 port over a given store, with API keys for two tenants.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private ServerHarness(WebApplication app, MockGenPipeline pipeline, Uri baseAddress)
    {
        App = app;
        Pipeline = pipeline;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public MockGenPipeline Pipeline { get; }

    public Uri BaseAddress { get; }

    public static async Task<ServerHarness> StartAsync(PipelineStore store, IReadOnlyDictionary<string, string> keys, bool watch = false, PipelineEngine? engine = null, EntraOptions? entra = null)
    {
        var pipeline = new MockGenPipeline(store, engine ?? MockGen.Storage.Engine.CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        var options = new ServeOptions { Port = 0, WatchContracts = watch, PollInterval = TimeSpan.FromMilliseconds(200), MaxParallelShards = 3, Entra = entra };
        var app = MockGenServer.Build(pipeline, options, logging => logging.SetMinimumLevel(LogLevel.Warning));
        var apiKeys = app.Services.GetRequiredService<ApiKeyStore>();
        foreach (var (tenant, key) in keys)
        {
            await apiKeys.AddHashAsync(tenant, ApiKeyStore.Hash(key));
        }

        await app.StartAsync();
        return new ServerHarness(app, pipeline, MockGenServer.BaseAddress(app));
    }

    public HttpClient Client(string? key, bool bearer = false)
    {
        var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseAddress };
        if (key is not null)
        {
            if (bearer)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
            }
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
