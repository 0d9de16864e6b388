namespace MockGen.Cli.Pull;

/// <summary>What one pull did: the run, its shards (downloaded, resumed, already cached) and what crossed the network.</summary>
internal sealed record PullSummary(
    string RunId,
    string ManifestSha256,
    int Shards,
    int Downloaded,
    int Resumed,
    int Cached,
    long Payloads,
    long FailedPayloads,
    int Requests,
    long BodyBytes);
