using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MockGen.Benchmarks.Load;

/// <summary>
/// Issue 12, soak: one client streams a large run (1 GB in the benchmark) while the process's resident set is sampled
/// from /proc/self/status every 50 ms. The server reads shards and the client discards what it reads, so a flat RSS
/// shows that neither side holds the dataset in memory.
/// </summary>
internal static class StreamingMemory
{
    /// <summary>About 64 KB per payload: few payloads, many bytes, so the run is storage-bound rather than generation-bound.</summary>
    public const int PayloadChars = 64 * 1024;

    private static readonly string[] Typical = ["typical"];

    public static byte[] Contract { get; } = Encoding.UTF8.GetBytes("""
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["blob"],"additionalProperties":false,
         "properties":{"blob":{"type":"string","minLength":LENGTH,"maxLength":LENGTH}}}
        """.Replace("LENGTH", PayloadChars.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    public sealed record Result(long Bytes, long Records, long RssBeforeBytes, long RssMaxBytes, long RssAfterBytes, int Samples, TimeSpan Elapsed)
    {
        public long GrowthBytes => RssMaxBytes - RssBeforeBytes;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"streamed {Bytes / (1024.0 * 1024):0} MB ({Records} records) in {Elapsed.TotalSeconds:0.0} s; VmRSS before {RssBeforeBytes >> 20} MB, max {RssMaxBytes >> 20} MB, after {RssAfterBytes >> 20} MB ({Samples} samples, growth {GrowthBytes >> 20} MB)");
    }

    /// <summary>Uploads the large contract, runs it to about <paramref name="targetBytes"/>, then streams it while sampling RSS.</summary>
    public static async Task<Result> RunAsync(HttpClient client, string tenant, long targetBytes, CancellationToken cancellationToken = default)
    {
        (await client.PutAsync($"/v1/tenants/{tenant}/contracts/blob.json", new ByteArrayContent(Contract), cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();
        var count = (int)Math.Max(1, targetBytes / PayloadChars);
        var start = await client.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "blob.json", runId = "big", countPerTarget = count, shardSize = 256, variants = Typical, seed = "1" }, cancellationToken).ConfigureAwait(false);
        start.EnsureSuccessStatusCode();
        for (var poll = 0; ; poll++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"/v1/tenants/{tenant}/runs/big", cancellationToken).ConfigureAwait(false));
            var state = status.RootElement.GetProperty("run").GetProperty("status").GetString();
            if (state == "Completed")
            {
                break;
            }

            if (state == "Failed" || poll > 36_000)
            {
                throw new InvalidOperationException($"the large run ended {state}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        // Settle before the baseline, so the generation phase's garbage is not counted as streaming growth.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = Rss();
        var max = before;
        var samples = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = Rss();
                InterlockedMax(ref max, now);
                Interlocked.Increment(ref samples);
                try
                {
                    await Task.Delay(50, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        long bytes = 0;
        long records = 0;
        using (var response = await client.GetAsync($"/v1/tenants/{tenant}/runs/big/payloads", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                bytes += read;
                records += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        var elapsed = clock.Elapsed;
        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        return new Result(bytes, records, before, Interlocked.Read(ref max), Rss(), samples, elapsed);
    }

    /// <summary>This process's resident set size (VmRSS in /proc/self/status), in bytes.</summary>
    public static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new PlatformNotSupportedException("no VmRSS in /proc/self/status");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
