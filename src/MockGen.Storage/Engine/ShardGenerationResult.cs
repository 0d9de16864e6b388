namespace MockGen.Storage.Engine;

/// <summary>The outcome of generating one shard.</summary>
/// <param name="Written">How many payloads were written (each passed the validation gate).</param>
/// <param name="Failure">
/// Null when the shard has payloads; otherwise why it has none (the target is unsatisfiable, invalid or hopeless,
/// with its schema location). A shard with a failure is not stored.
/// </param>
public sealed record ShardGenerationResult(int Written, string? Failure)
{
    /// <summary>
    /// Indexes that failed while others succeeded, one line each (<c>index 7: gave up after 20 attempts at #/… : …</c>),
    /// at most 100; each also has an error record in its place in the output.
    /// </summary>
    public IReadOnlyList<string> FailedIndexes { get; init; } = [];

    /// <summary>How many indexes failed (error records written), all counted even beyond <see cref="FailedIndexes"/>.</summary>
    public int Failed { get; init; }
}
