using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MockGen.Service.Hosting;

namespace MockGen.Cli.Tests.Telemetry;

/// <summary>
/// A loopback OTLP/HTTP receiver (a real Kestrel): it accepts protobuf POSTs to /v1/traces, /v1/metrics and /v1/logs,
/// answers 200 as a collector does, and keeps every body. Tests look for span names, metric names and trace ids in
/// the bytes (strings are plain UTF-8 in protobuf, trace ids their 16 raw bytes).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    public Uri Endpoint => MockGenServer.BaseAddress(_app);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Requests.Enqueue(("/v1/" + signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>True when some body posted to <paramref name="path"/> contains every byte sequence given.</summary>
    public bool Received(string path, params byte[][] contents) =>
        Requests.Any(r => r.Path == path && contents.All(c => r.Body.AsSpan().IndexOf(c) >= 0));

    public async Task<bool> WaitAsync(string path, TimeSpan timeout, params byte[][] contents)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Received(path, contents))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
