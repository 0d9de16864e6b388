using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>
/// A loopback fake of Azure OpenAI chat completions: a real Kestrel server on 127.0.0.1 that speaks the classic
/// (<c>/openai/deployments/{d}/chat/completions?api-version=…</c>) and v1 (<c>/openai/v1/chat/completions</c>)
/// surfaces, checks auth and request bodies as Azure does (strict <c>json_schema</c> included, with Core's
/// <see cref="MockGen.Core.Enrichment.StrictSubsetChecker"/>), and answers each request with a scripted
/// <see cref="FakeResponse"/>: <see cref="Responder"/> first, then the deployment's queue, then the shared
/// queue, else a deterministic valid answer. Every request is recorded. Thread-safe.
/// </summary>
public sealed partial class FakeAzureOpenAIServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly FakeAzureOpenAIOptions _options;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<FakeResponse> _shared = new();
    private readonly Dictionary<string, Queue<FakeResponse>> _byDeployment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private CancellationTokenSource _stopping = new();
    private int _port;
    private int _sequence;

    private FakeAzureOpenAIServer(FakeAzureOpenAIOptions options)
    {
        _options = options;
        _port = options.Port;
    }

    /// <summary>Starts a fake on 127.0.0.1 (a free port unless <see cref="FakeAzureOpenAIOptions.Port"/> says otherwise).</summary>
    /// <param name="options">Options; null for the defaults (key <c>fake-key</c>, every deployment exists).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FakeAzureOpenAIServer> StartAsync(FakeAzureOpenAIOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeAzureOpenAIServer(options ?? new FakeAzureOpenAIOptions());
        await server.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>The resource endpoint to give <c>AzureOpenAIClient</c>: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Endpoint => new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}/"));

    /// <summary>The v1 base address to give <c>OpenAIClientOptions.Endpoint</c>: <c>http://127.0.0.1:{port}/openai/v1/</c>.</summary>
    public Uri V1Endpoint => new(Endpoint, "openai/v1/");

    /// <summary>The accepted API key.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>Whether the server is listening.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _app is not null;
            }
        }
    }

    /// <summary>
    /// Decides the answer to a valid request (keyed by deployment, prompt, attempt...); return null to fall back
    /// to the queues. Called on the request thread; keep it quick.
    /// </summary>
    public Func<FakeChatRequest, FakeResponse?>? Responder { get; set; }

    /// <summary>Every request received so far (a snapshot, in arrival order), rejected ones included.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests that addressed one deployment.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string deployment) =>
        [.. Requests.Where(r => string.Equals(r.Deployment, deployment, StringComparison.Ordinal))];

    /// <summary>Queues answers for the next valid requests to any deployment (after the deployment's own queue).</summary>
    public void Enqueue(params FakeResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _shared.Enqueue(response);
            }
        }
    }

    /// <summary>Queues answers for the next valid requests to one deployment, e.g. <c>Enqueue("d", Throttled().Times(2))</c>.</summary>
    public void Enqueue(string deployment, params FakeResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(responses);
        lock (_gate)
        {
            if (!_byDeployment.TryGetValue(deployment, out var queue))
            {
                _byDeployment[deployment] = queue = new Queue<FakeResponse>();
            }

            foreach (var response in responses)
            {
                queue.Enqueue(response);
            }
        }
    }

    /// <summary>Forgets recorded requests, queued answers and attempt counters (the responder stays).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _shared.Clear();
            _byDeployment.Clear();
            _attempts.Clear();
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>. Slow answers in flight are abandoned.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        WebApplication? app;
        lock (_gate)
        {
            app = _app;
            _app = null;
        }

        if (app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Starts listening again, on the same port as before (clients built for <see cref="Endpoint"/> keep working).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_app is not null)
            {
                return;
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, _port);
            k.Limits.MaxRequestBodySize = _options.MaxRequestBytes;
        });
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        app.Run(context => HandleAsync(context, stopping.Token));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        lock (_gate)
        {
            _port = new Uri(address).Port;
            _stopping = stopping;
            _app = app;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private FakeResponse Next(FakeChatRequest request)
    {
        if (Responder?.Invoke(request) is { } chosen)
        {
            return chosen;
        }

        lock (_gate)
        {
            if (_byDeployment.TryGetValue(request.Deployment, out var queue) && queue.Count > 0)
            {
                return queue.Dequeue();
            }

            return _shared.Count > 0 ? _shared.Dequeue() : FakeResponse.Valid();
        }
    }
}
