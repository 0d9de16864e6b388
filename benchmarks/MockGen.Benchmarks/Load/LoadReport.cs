using System.Globalization;
using System.Text;

namespace MockGen.Benchmarks.Load;

/// <summary>What a load run saw: every failed request, every record of another tenant, and latencies by endpoint.</summary>
internal sealed class LoadReport
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    public List<string> CrossTenant { get; } = [];

    public long Requests { get; private set; }

    public long Runs { get; private set; }

    public long RecordsPulled { get; private set; }

    public void Latency(string endpoint, TimeSpan elapsed)
    {
        lock (_gate)
        {
            Requests++;
            if (!_latencies.TryGetValue(endpoint, out var list))
            {
                _latencies[endpoint] = list = [];
            }

            list.Add(elapsed.TotalMilliseconds);
        }
    }

    public void Error(string message)
    {
        lock (_gate)
        {
            Errors.Add(message);
        }
    }

    public void Foreign(string message)
    {
        lock (_gate)
        {
            CrossTenant.Add(message);
        }
    }

    public void Pulled(long records)
    {
        lock (_gate)
        {
            Runs++;
            RecordsPulled += records;
        }
    }

    /// <summary>The p-th percentile (0..100) of an endpoint's latencies in ms, nearest rank.</summary>
    public double Percentile(string endpoint, double p)
    {
        lock (_gate)
        {
            var sorted = _latencies[endpoint].Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public IReadOnlyCollection<string> Endpoints
    {
        get
        {
            lock (_gate)
            {
                return [.. _latencies.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    public int Count(string endpoint)
    {
        lock (_gate)
        {
            return _latencies[endpoint].Count;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Requests} requests, {Runs} runs pulled, {RecordsPulled} records, {Errors.Count} error responses, {CrossTenant.Count} cross-tenant records\n");
        foreach (var endpoint in Endpoints)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {endpoint,-28} n={Count(endpoint),6}  p50={Percentile(endpoint, 50),8:0.0} ms  p99={Percentile(endpoint, 99),8:0.0} ms\n");
        }

        foreach (var e in Errors.Concat(CrossTenant).Take(10))
        {
            text.Append("  ! ").Append(e).Append('\n');
        }

        return text.ToString();
    }
}
