using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// An HTTP/1.1 proxy on loopback that sits between the store's clients and Azurite and breaks a fraction of the
/// requests the way a real network and a throttled account do: 503 <c>ServerBusy</c>, 429, a request that never gets
/// an answer (the client's network timeout must fire), a connection reset before or after Azurite applied the request,
/// and a response cut in the middle of its body. Whether a request is faulted, and how, is a function of the seed, the
/// request line (method and target) and how many times this proxy has seen that request line before: the same run
/// meets the same faults whatever the thread schedule, and a retry (the next occurrence) is drawn afresh. Only
/// concurrent requests with the same line (table batches all post to <c>$batch</c>) may swap their draws.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly int _seed;
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<FaultKind, int> _injected = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private long _requests;
    private double _faultRate;

    public FaultProxy(int upstreamPort, double faultRate, int seed)
    {
        _upstreamPort = upstreamPort;
        _faultRate = faultRate;
        _seed = seed;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public enum FaultKind
    {
        ServerBusy503,
        Throttled429,
        NoAnswer,
        ResetBeforeForwarding,
        ResetAfterForwarding,
        BodyCut,
    }

    public int Port { get; }

    /// <summary>The fraction of requests that get a fault (0 turns faults off, e.g. to read results back cleanly).</summary>
    public double FaultRate
    {
        get => Volatile.Read(ref _faultRate);
        set => Volatile.Write(ref _faultRate, value);
    }

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<FaultKind, int> Injected => _injected;

    public int InjectedTotal => _injected.Values.Sum();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(_connections.ToArray()).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stopping.Token);
            _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private FaultKind? Draw(string requestLine)
    {
        var occurrence = _seen.AddOrUpdate(requestLine, 1, (_, n) => n + 1);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{_seed}\n{requestLine}\n{occurrence}")), hash);

        // 53 bits of the hash as a uniform double in [0, 1); the next bytes pick the kind.
        var roll = (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
        if (roll >= FaultRate)
        {
            return null;
        }

        var kind = (FaultKind)(BinaryPrimitives.ReadUInt32LittleEndian(hash[8..]) % (uint)Enum.GetValues<FaultKind>().Length);
        _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return kind;
    }

    private async Task ServeAsync(Socket clientSocket)
    {
        Socket? upstreamSocket = null;
        Wire? upstream = null;
        var token = _stopping.Token;
        try
        {
            clientSocket.NoDelay = true;
            var client = new Wire(new NetworkStream(clientSocket, ownsSocket: false));
            while (true)
            {
                var request = await client.ReadMessageAsync(isResponse: false, requestMethod: null, answerContinue: true, token);
                if (request is null)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                var fault = Draw(request.Line);
                switch (fault)
                {
                    case FaultKind.ServerBusy503:
                        await client.WriteAsync(Canned(503, "The server is busy.", "ServerBusy"), token);
                        continue;
                    case FaultKind.Throttled429:
                        await client.WriteAsync(Canned(429, "Too Many Requests", "TooManyRequests"), token);
                        continue;
                    case FaultKind.NoAnswer:
                        // Hold the request until the client gives up on it (its network timeout) or the proxy stops.
                        await client.WaitForCloseAsync(TimeSpan.FromSeconds(60), token);
                        return;
                    case FaultKind.ResetBeforeForwarding:
                        Reset(clientSocket);
                        return;
                }

                if (upstream is null)
                {
                    upstreamSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await upstreamSocket.ConnectAsync(IPAddress.Loopback, _upstreamPort, token);
                    upstream = new Wire(new NetworkStream(upstreamSocket, ownsSocket: false));
                }

                await upstream.WriteAsync(request.Bytes, token);
                var response = await upstream.ReadMessageAsync(isResponse: true, request.Method, answerContinue: false, token)
                    ?? throw new IOException("Azurite closed the connection without answering");
                switch (fault)
                {
                    case FaultKind.ResetAfterForwarding:
                        // Azurite applied the request; the client never learns it did.
                        Reset(clientSocket);
                        return;
                    case FaultKind.BodyCut:
                        var cut = response.BodyLength > 0 ? response.HeadLength + (response.BodyLength / 2) : response.HeadLength / 2;
                        await client.WriteAsync(response.Bytes.AsMemory(0, cut), token);
                        Reset(clientSocket);
                        return;
                }

                await client.WriteAsync(response.Bytes, token);
                if (response.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A client that hung up, Azurite gone, or the proxy stopping: drop the connection as a network would.
        }
        finally
        {
            upstreamSocket?.Dispose();
            clientSocket.Dispose();
        }
    }

    private static void Reset(Socket socket)
    {
        // Linger 0: close sends RST, so the client sees "connection reset by peer" rather than a clean end.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private static byte[] Canned(int status, string reason, string code)
    {
        var body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{reason} (injected by FaultProxy)</Message></Error>");
        var head = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\nx-ms-error-code: {code}\r\nContent-Length: {body.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private sealed record Message(byte[] Bytes, int HeadLength, int BodyLength, string Method, bool Close)
    {
        /// <summary>The request line (method, target, version) of a request; empty for a response.</summary>
        public string Line { get; init; } = string.Empty;
    }

    /// <summary>Reads whole HTTP/1.1 messages (head and body, by Content-Length or chunked) off a stream.</summary>
    private sealed class Wire(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken token) => stream.WriteAsync(bytes, token);

        public async Task WaitForCloseAsync(TimeSpan limit, CancellationToken token)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(limit);
            var sink = new byte[4096];
            while (await stream.ReadAsync(sink, timeout.Token) > 0)
            {
            }
        }

        public async Task<Message?> ReadMessageAsync(bool isResponse, string? requestMethod, bool answerContinue, CancellationToken token)
        {
            var output = new MemoryStream();
            string? start;
            while (true)
            {
                start = await ReadLineAsync(token);
                if (start is null)
                {
                    return null;
                }

                if (start.Length > 0)
                {
                    break;
                }
            }

            var headers = new List<string>();
            while (await ReadLineAsync(token) is { Length: > 0 } line)
            {
                headers.Add(line);
            }

            string? Header(string name) => headers.Select(h => h.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
            var status = isResponse ? int.Parse(start.Split(' ')[1], CultureInfo.InvariantCulture) : 0;
            var method = isResponse ? requestMethod! : start.Split(' ')[0];
            if (!isResponse && answerContinue && string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
            {
                // Azure.Storage asks for 100-continue after throttling; the proxy answers it and forwards without the header.
                headers.RemoveAll(h => h.StartsWith("Expect:", StringComparison.OrdinalIgnoreCase));
                await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), token);
            }

            var head = Encoding.ASCII.GetBytes(start + "\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n");
            output.Write(head);
            var close = string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
            var bodyless = isResponse && (status is (>= 100 and < 200) or 204 or 304 || string.Equals(method, "HEAD", StringComparison.Ordinal));
            if (!bodyless)
            {
                if (Header("Content-Length") is { } length)
                {
                    await CopyExactAsync(output, long.Parse(length, CultureInfo.InvariantCulture), token);
                }
                else if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
                {
                    await CopyChunkedAsync(output, token);
                }
                else if (isResponse)
                {
                    await CopyToEndAsync(output, token);
                    close = true;
                }
            }

            if (isResponse && status is >= 100 and < 200)
            {
                // An interim response: the real one follows.
                var next = await ReadMessageAsync(isResponse, requestMethod, answerContinue, token);
                return next is null ? null : next with { Bytes = [.. output.ToArray(), .. next.Bytes], HeadLength = head.Length + next.HeadLength };
            }

            return new Message(output.ToArray(), head.Length, (int)output.Length - head.Length, method, close) { Line = isResponse ? string.Empty : start };
        }

        private async Task<bool> FillAsync(CancellationToken token)
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), token);
            _end += read;
            return read > 0;
        }

        private async Task<string?> ReadLineAsync(CancellationToken token)
        {
            var line = new StringBuilder();
            while (true)
            {
                for (; _start < _end; _start++)
                {
                    var b = _buffer[_start];
                    if (b == '\n')
                    {
                        _start++;
                        return line.ToString().TrimEnd('\r');
                    }

                    line.Append((char)b);
                }

                if (!await FillAsync(token))
                {
                    return line.Length == 0 ? null : throw new IOException("connection closed inside an HTTP head");
                }
            }
        }

        private async Task CopyExactAsync(MemoryStream output, long count, CancellationToken token)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync(token))
                {
                    throw new IOException("connection closed inside an HTTP body");
                }

                var n = (int)Math.Min(count, _end - _start);
                output.Write(_buffer, _start, n);
                _start += n;
                count -= n;
            }
        }

        private async Task CopyChunkedAsync(MemoryStream output, CancellationToken token)
        {
            while (true)
            {
                var sizeLine = await ReadLineAsync(token) ?? throw new IOException("connection closed inside a chunked body");
                output.Write(Encoding.ASCII.GetBytes(sizeLine + "\r\n"));
                var size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    // Trailers, then the empty line.
                    while (await ReadLineAsync(token) is { Length: > 0 } trailer)
                    {
                        output.Write(Encoding.ASCII.GetBytes(trailer + "\r\n"));
                    }

                    output.Write("\r\n"u8);
                    return;
                }

                await CopyExactAsync(output, size + 2, token);
            }
        }

        private async Task CopyToEndAsync(MemoryStream output, CancellationToken token)
        {
            while (true)
            {
                output.Write(_buffer, _start, _end - _start);
                _start = _end;
                if (!await FillAsync(token))
                {
                    return;
                }
            }
        }
    }
}
