using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MockGen.Benchmarks.Pipeline;

/// <summary>The repository's pinned Azurite on free loopback ports with a temporary data folder, for pipeline benchmarks.</summary>
internal sealed class AzuriteProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _location;

    private AzuriteProcess(Process process, string location, string connectionString)
    {
        _process = process;
        _location = location;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static AzuriteProcess Start()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "package.json")))
        {
            root = root.Parent;
        }

        var azurite = Path.Combine(root?.FullName ?? ".", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run `npm ci` in the repository root.");
        }

        var location = Directory.CreateTempSubdirectory("mockgen-bench-azurite-").FullName;
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        var start = new ProcessStartInfo(azurite) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--silent", "--location", location, "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!Accepts(port))
            {
                if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException("Azurite did not start");
                }

                Thread.Sleep(100);
            }
        }

        return new AzuriteProcess(process, location,
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
