using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockGen.Ai.Pipeline;
using MockGen.Functions.Hosting;
using MockGen.Functions.Http;
using MockGen.Service.Auth;
using MockGen.Storage;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Support;

/// <summary>
/// The Functions app as far as it runs without the Functions host: the app's own DI
/// (<see cref="MockGenFunctionsServices.AddMockGenFunctions(IServiceCollection, Func{IServiceProvider, PipelineStore}, MockGenFunctionsOptions)"/>),
/// its orchestrators and activities under a Durable in-process test host with the worker's serializer, and its HTTP
/// functions on a real Kestrel at 127.0.0.1:0, routed by the routes and methods in the build's
/// <c>functions.metadata</c> and bound by parameter name as the worker binds them. Each HTTP call executes the
/// function's <see cref="IResult"/> on the request's real <see cref="HttpContext"/>.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private DurableTaskTestHost? _durable;

    private FunctionsApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public MockGenPipeline Pipeline => _app.Services.GetRequiredService<MockGenPipeline>();

    public DurableTaskClient Durable => (_durable ?? throw new InvalidOperationException("the Durable host is stopped")).Client;

    /// <summary>The Durable test host's own DI (its worker and client options).</summary>
    public IServiceProvider DurableServices => (_durable ?? throw new InvalidOperationException("the Durable host is stopped")).Services;

    public static async Task<FunctionsApp> StartAsync(PipelineStore store, IReadOnlyDictionary<string, string>? keys = null, Func<string, Func<Task<object?>>, Task<object?>>? aroundActivity = null, int maxParallelShards = 3, AiShardEnricherOptions? ai = null, EntraOptions? entra = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (entra is not null)
        {
            // As the configuration overload does with MockGen:Entra: registered first, so the store overload keeps it.
            builder.Services.AddMockGenTenantAuthorization(entra);
        }

        builder.Services.AddMockGenFunctions(_ => store, new MockGenFunctionsOptions { MaxParallelShards = maxParallelShards }, ai);
        var app = builder.Build();
        FunctionsApp? functions = null;
        foreach (var route in FunctionsMetadata.Load().HttpRoutes)
        {
            app.MapMethods("/" + route.Route, route.Methods.Select(m => m.ToUpperInvariant()).ToArray(), (HttpContext http) => functions!.InvokeHttpAsync(route, http));
        }

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        functions = new FunctionsApp(app, new Uri(addresses.First()));
        var apiKeys = app.Services.GetRequiredService<ApiKeyStore>();
        foreach (var (tenant, key) in keys ?? new Dictionary<string, string>())
        {
            await apiKeys.AddHashAsync(tenant, ApiKeyStore.Hash(key));
        }

        await functions.StartDurableAsync(aroundActivity);
        return functions;
    }

    /// <summary>Starts a (new) Durable test host: its in-memory backend starts empty, as after losing every worker.</summary>
    public async Task StartDurableAsync(Func<string, Func<Task<object?>>, Task<object?>>? aroundActivity = null)
    {
        if (_durable is not null)
        {
            throw new InvalidOperationException("stop the running Durable host first");
        }

        var converter = WorkerDataConverter.Create();
        // The test host's gRPC sidecar takes a random port in 30000-40000 unless told one, and that range overlaps
        // Linux's ephemeral ports, which Azurite and the other test assemblies running beside this one also take. Ask
        // the OS for a free port and, if it is taken again before the host binds it, try another (bounded).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _durable = await DurableTaskTestHost.StartAsync(
                    registry => FunctionRegistry.AddAll(registry, _app.Services, aroundActivity),
                    new DurableTaskTestHostOptions
                    {
                        Port = LoopbackPort.Free(),
                        ConfigureServices = services =>
                        {
                            services.ConfigureAll<DurableTaskWorkerOptions>(o => o.DataConverter = converter);
                            services.ConfigureAll<DurableTaskClientOptions>(o => o.DataConverter = converter);
                        },
                    });
                return;
            }
            catch (Exception e) when (attempt < 5 && AddressInUse(e))
            {
            }
        }
    }

    private static bool AddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    public async Task StopDurableAsync()
    {
        if (_durable is not null)
        {
            await _durable.DisposeAsync();
            _durable = null;
        }
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopDurableAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task InvokeHttpAsync(FunctionsMetadata.HttpRoute route, HttpContext http)
    {
        // The worker runs the app's middleware around each invocation; this one counts the request by its route.
        HttpRequestMetricsMiddleware.Track(route.Name, http);
        var method = route.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(_app.Services, method.DeclaringType!);
        var args = method.GetParameters().Select<ParameterInfo, object?>(p => p.ParameterType switch
        {
            _ when p.ParameterType == typeof(HttpRequest) => http.Request,
            _ when p.ParameterType == typeof(CancellationToken) => http.RequestAborted,
            _ when p.GetCustomAttribute<DurableClientAttribute>() is not null => Durable,
            _ when p.ParameterType == typeof(string) => http.Request.RouteValues[p.Name!] as string,
            _ => throw new InvalidOperationException($"{method.Name}: cannot bind parameter {p.Name}"),
        }).ToArray();
        var returned = method.Invoke(target, args);
        var result = returned is Task<IResult> task ? await task : (IResult)returned!;
        await result.ExecuteAsync(http);
    }
}
