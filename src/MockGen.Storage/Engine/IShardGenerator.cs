namespace MockGen.Storage.Engine;

/// <summary>
/// The seam to Core's generator: writes one shard as dataset NDJSON (<c>{"meta":{...},"payload":...}</c> per line).
/// Generation is CPU work, so it is synchronous; the activity around it does the I/O.
/// </summary>
public interface IShardGenerator
{
    /// <summary>The generator version recorded in lineage rows and manifests.</summary>
    string GeneratorVersion { get; }

    /// <summary>Writes <see cref="ShardGenerationRequest.Count"/> records to <paramref name="output"/>.</summary>
    ShardGenerationResult Generate(ShardGenerationRequest request, Stream output, CancellationToken cancellationToken);
}
