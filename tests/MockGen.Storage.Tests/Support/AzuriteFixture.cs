using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// Starts the repository's pinned Azurite (node_modules/.bin/azurite) once per test assembly on free loopback
/// ports with a temporary data folder, and kills its process tree afterwards. A test that needs to kill and restart
/// Azurite builds its own instance (<see cref="Kill"/>, <see cref="RestartAsync"/>: same folder, same ports).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;
    private string? _location;
    private int _queuePort;

    public string ConnectionString { get; private set; } = string.Empty;

    public int BlobPort { get; private set; }

    public int TablePort { get; private set; }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run `npm ci` in {root} (test.sh does this).");
        }

        _location = Directory.CreateTempSubdirectory("mockgen-azurite-").FullName;

        // A free port may be taken by another process before Azurite binds it (several test runs share this
        // machine): Azurite then exits at once, and fresh ports are tried, up to three times.
        for (var attempt = 1; ; attempt++)
        {
            BlobPort = LoopbackPort.Free();
            _queuePort = LoopbackPort.Free();
            TablePort = LoopbackPort.Free();
            try
            {
                await StartAsync().ConfigureAwait(false);
                break;
            }
            catch (ExitedException) when (attempt < 3)
            {
                Kill();
            }
        }

        ConnectionString = ConnectionStringThrough(BlobPort, TablePort);
    }

    /// <summary>A connection string for this Azurite account whose blob and table endpoints are other ports (a proxy's).</summary>
    public string ConnectionStringThrough(int blobPort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>Kills Azurite's process tree at once (SIGKILL: no chance to flush anything), as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts Azurite again over the same data folder and ports (after <see cref="Kill"/>).</summary>
    public Task RestartAsync()
    {
        Kill();
        return StartAsync();
    }

    private async Task StartAsync()
    {
        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        var queuePort = _queuePort;
        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--silent", "--location", _location!, "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start");
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && errors.Count < 20)
            {
                errors.Enqueue(line);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, queuePort, TablePort })
        {
            while (!await AcceptsAsync(port).ConfigureAwait(false))
            {
                if (_process.HasExited)
                {
                    _process.WaitForExit();
                    throw new ExitedException($"Azurite exited with code {_process.ExitCode} before listening on {port}: {string.Join(" / ", errors)}");
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{port} within 60 s");
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    public Task DisposeAsync()
    {
        Kill();
        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the dying process: the temp folder is cleaned by the OS later.
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Azurite ended before it listened (a port taken by another process, mostly); the message has its error output.</summary>
    private sealed class ExitedException(string message) : InvalidOperationException(message);
}
