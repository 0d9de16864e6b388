using MockGen.Service.Telemetry;

namespace MockGen.Service.Hosting;

/// <summary>Settings of <c>mockgen serve</c>, validated once when the server is built.</summary>
public sealed class ServeOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one. Default: 5080.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>How often the contract watcher lists contract blobs. Default: 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether to watch <c>contracts/</c> and start a run per new version. Default: true.</summary>
    public bool WatchContracts { get; set; } = true;

    /// <summary>How many runs execute at once. Default: 2.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>How many shard activities a run keeps in flight. Default: 4.</summary>
    public int MaxParallelShards { get; set; } = 4;

    /// <summary>Entra ID bearer tokens accepted beside API keys. Default: <see langword="null"/> (API keys only).</summary>
    public Auth.EntraOptions? Entra { get; set; }

    /// <summary>How log lines are written. Default: <see cref="ServeLogFormat.Text"/>.</summary>
    public ServeLogFormat LogFormat { get; set; } = ServeLogFormat.Text;

    /// <summary>
    /// Where traces, metrics and logs are exported over OTLP (read from <c>OTEL_EXPORTER_OTLP_*</c> by the host).
    /// Default: <see langword="null"/> (nothing exported; metrics are still served at <c>/metrics</c>).
    /// </summary>
    public OtlpEnvironment? Otlp { get; set; }

    /// <summary>Reports every invalid field in one message.</summary>
    /// <exception cref="ArgumentException">Some field is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add("port must be 0..65535");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add("poll interval must be positive");
        }

        if (MaxConcurrentRuns < 1)
        {
            problems.Add("max concurrent runs must be at least 1");
        }

        if (MaxParallelShards < 1)
        {
            problems.Add("max parallel shards must be at least 1");
        }

        if (Entra is not null)
        {
            try
            {
                Entra.Validate();
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid serve options: " + string.Join("; ", problems));
        }
    }
}
