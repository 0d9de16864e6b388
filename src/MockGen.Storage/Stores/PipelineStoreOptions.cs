using System.Globalization;

namespace MockGen.Storage.Stores;

/// <summary>
/// How an Azure store rides out transient faults (throttling, timeouts, dropped connections): the Azure SDK's
/// exponential retry, with these bounds. The local folder store does not retry: a full disk does not heal itself.
/// </summary>
public sealed class PipelineStoreOptions
{
    /// <summary>Retries after the first attempt of one storage request. Default <c>5</c> (the SDK's is 3, which a 10% fault rate exhausts about once per 10,000 requests).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry's back-off; each next one doubles it, with jitter. Default <c>0.8 s</c>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest back-off between two attempts. Default <c>30 s</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for the service before it counts as a timeout and is retried. Default <c>100 s</c>.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Checks every field and reports all the invalid ones in one message.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (MaxRetries is < 0 or > 50)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxRetries must be 0-50, not {MaxRetries}"));
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            errors.Add("RetryDelay must be positive");
        }

        if (MaxRetryDelay < RetryDelay)
        {
            errors.Add("MaxRetryDelay must be at least RetryDelay");
        }

        if (NetworkTimeout <= TimeSpan.Zero)
        {
            errors.Add("NetworkTimeout must be positive");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid store options: " + string.Join("; ", errors));
        }
    }
}
