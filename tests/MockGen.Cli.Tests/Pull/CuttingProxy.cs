using System.Net;
using System.Net.Sockets;

namespace MockGen.Cli.Tests.Pull;

/// <summary>
/// A loopback TCP proxy in front of a real server that counts what the server sends and can cut a connection after a
/// number of server-to-client bytes, the way a flaky network drops a download mid-way.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _bytesToClient;
    private int _connections;

    /// <param name="upstream">The real server.</param>
    /// <param name="cutAfter">Server-to-client bytes after which a connection is cut; null never cuts.</param>
    /// <param name="cutConnections">How many connections (the first ones) are cut; the rest pass.</param>
    /// <param name="cutLaterAfter">Server-to-client bytes after which the connections after the first are cut; null: <paramref name="cutAfter"/>.</param>
    public CuttingProxy(Uri upstream, long? cutAfter = null, int cutConnections = int.MaxValue, long? cutLaterAfter = null)
    {
        CutLaterAfter = cutLaterAfter;
        _upstream = upstream;
        CutAfter = cutAfter;
        CutConnections = cutConnections;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public long? CutAfter { get; set; }

    public int CutConnections { get; set; }

    public long? CutLaterAfter { get; set; }

    public long BytesToClient => Interlocked.Read(ref _bytesToClient);

    public int Connections => Volatile.Read(ref _connections);

    public int Cuts { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var ordinal = Interlocked.Increment(ref _connections);
            _ = RelayAsync(client, ordinal > CutConnections ? null : ordinal > 1 && CutLaterAfter is { } later ? later : CutAfter);
        }
    }

    private async Task RelayAsync(TcpClient client, long? cutAfter)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                await server.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
                var toServer = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                var toClient = PumpToClientAsync(server.GetStream(), client.GetStream(), cutAfter);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }

            // Closing both ends mid-response is the cut: the client sees a truncated body.
            client.Client.LingerState = new LingerOption(true, 0);
        }
    }

    private async Task PumpToClientAsync(NetworkStream from, NetworkStream to, long? cutAfter)
    {
        var buffer = new byte[8192];
        long sent = 0;
        while (true)
        {
            var budget = cutAfter is { } limit ? (int)Math.Min(buffer.Length, limit - sent) : buffer.Length;
            if (budget <= 0)
            {
                Cuts++;
                return;
            }

            var read = await from.ReadAsync(buffer.AsMemory(0, budget), _stop.Token);
            if (read == 0)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            sent += read;
            Interlocked.Add(ref _bytesToClient, read);
        }
    }
}
