using System.Text;
using System.Text.Json;

namespace MockGen.Storage.Runs;

/// <summary>
/// Re-runs a sealed run from what it recorded (contract version, seed, tenant, environment, variants, counts, shard
/// plan) and proves byte-identity: every shard is generated again in memory, exactly as the generate-shard activity
/// does, and its SHA-256 compared with the manifest's. Nothing is written, so the original dataset is never touched.
/// Shared by <c>POST …/runs/{runId}/reproduce</c> and <c>mockgen reproduce</c>.
/// </summary>
public sealed class RunReproducer
{
    private readonly MockGenPipeline _pipeline;

    /// <summary>Creates the reproducer over a pipeline.</summary>
    public RunReproducer(MockGenPipeline pipeline)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
    }

    /// <summary>Reproduces a run.</summary>
    /// <exception cref="MockGenStorageException">The run does not exist (NotFound) or is not sealed (Conflict).</exception>
    public async Task<Reproduction> ReproduceAsync(string tenant, string runId, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = await _pipeline.Runs.GetAsync(tenant, runId, cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound("run", runId);
        if (!run.IsSealed || run.ManifestPath is null)
        {
            throw MockGenStorageException.Conflict("run", runId, "is not finished; only a sealed run can be reproduced");
        }

        var stream = await _pipeline.Store.Blobs.OpenReadAsync(run.ManifestPath, cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound("manifest", run.ManifestPath);
        byte[] manifestBytes;
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            manifestBytes = buffer.ToArray();
        }

        var mismatches = new List<string>();
        if (!string.Equals(ContentHash.Hex(manifestBytes), run.ManifestSha256, StringComparison.Ordinal))
        {
            mismatches.Add("the manifest no longer hashes to the value recorded on the run (it was altered)");
        }

        using var manifest = JsonDocument.Parse(manifestBytes);
        var recordedGenerator = manifest.RootElement.GetProperty("generator").GetString() ?? string.Empty;
        var currentGenerator = _pipeline.Engine.Generator.GeneratorVersion;
        if (!string.Equals(recordedGenerator, currentGenerator, StringComparison.Ordinal))
        {
            mismatches.Add($"generator {currentGenerator} differs from the recorded {recordedGenerator}; reproduce with that build");
        }

        var spec = run.Spec;
        var original = new StringBuilder();
        var reproduced = new StringBuilder();
        int shards = 0, matching = 0;
        foreach (var shard in manifest.RootElement.GetProperty("shards").EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = shard.GetProperty("key").GetString()!;
            var expected = shard.GetProperty("sha256").GetString()!;
            var shardSpec = new ShardSpec(
                spec.Tenant, spec.ContractName, spec.ContractVersion, spec.RunId, shard.GetProperty("targetOrdinal").GetInt32(), shard.GetProperty("target").GetString()!,
                shard.GetProperty("variant").GetString()!, shard.GetProperty("start").GetInt64(), shard.GetProperty("count").GetInt32() + (shard.TryGetProperty("failed", out var failed) ? failed.GetInt32() : 0),
                spec.Seed, spec.Environment, spec.Locale, spec.Gzip) { Realism = spec.Realism, ProfileVersion = spec.ProfileVersion };
            shardSpec = shardSpec with { Prompt = spec.PromptFor(shardSpec.Variant) };
            var (sha, _, failure) = await _pipeline.Activities.RegenerateShardAsync(shardSpec, cancellationToken).ConfigureAwait(false);
            shards++;
            original.Append(key).Append(' ').Append(expected).Append('\n');
            reproduced.Append(key).Append(' ').Append(sha ?? "-").Append('\n');
            if (string.Equals(sha, expected, StringComparison.Ordinal))
            {
                matching++;
            }
            else if (mismatches.Count < 50)
            {
                mismatches.Add(failure is null ? $"shard {key}: regenerated sha256 {sha} differs from the manifest's {expected}" : $"shard {key}: {failure}");
            }

            progress?.Report(shards);
        }

        return new Reproduction(
            spec.Tenant, spec.RunId, spec.ContractName, spec.ContractVersion, spec.ProfileVersion, spec.PromptVersion, spec.Seed, spec.Environment,
            recordedGenerator, currentGenerator, run.ManifestSha256 ?? string.Empty, shards, matching,
            ContentHash.Hex(Encoding.UTF8.GetBytes(original.ToString())), ContentHash.Hex(Encoding.UTF8.GetBytes(reproduced.ToString())), mismatches);
    }
}
