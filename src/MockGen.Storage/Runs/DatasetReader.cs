using System.Text;
using MockGen.Storage.Lineage;

namespace MockGen.Storage.Runs;

/// <summary>
/// Reads a sealed run's dataset back: streams its records as NDJSON in plan order, filtered, shard by shard
/// (memory is bounded by one line, never by the run), and finds one payload by id through the lineage index.
/// </summary>
public sealed class DatasetReader
{
    private readonly PipelineActivities _activities;
    private readonly LineageIndex _lineage;

    /// <summary>Creates a reader.</summary>
    public DatasetReader(PipelineActivities activities, LineageIndex lineage)
    {
        _activities = activities ?? throw new ArgumentNullException(nameof(activities));
        _lineage = lineage ?? throw new ArgumentNullException(nameof(lineage));
    }

    /// <summary>
    /// Writes the matching records of a run to <paramref name="output"/>, error records of failed indexes included
    /// (they say which payloads are missing and why); returns how many.
    /// </summary>
    public async Task<long> CopyAsync(string tenant, string runId, DatasetFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        long written = 0;
        var from = filter.FromIndex ?? 0;
        var to = filter.ToIndex ?? long.MaxValue;
        await foreach (var shard in _lineage.ListAsync(tenant, runId, cancellationToken).ConfigureAwait(false))
        {
            if ((filter.TargetId is not null && !string.Equals(filter.TargetId, shard.TargetId, StringComparison.Ordinal))
                || (filter.Variant is not null && !string.Equals(filter.Variant, shard.Variant, StringComparison.Ordinal))
                || shard.StartIndex + shard.Lines <= from || shard.StartIndex >= to)
            {
                continue;
            }

            var stream = await _activities.OpenShardAsync(shard.BlobPath, shard.Gzip, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // A shard's lines map one to one onto its indexes (a failed index has its error record in place).
                if (shard.StartIndex >= from && shard.StartIndex + shard.Lines <= to)
                {
                    // The whole shard matches: copy its bytes as they are.
                    await stream.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                    written += shard.Lines;
                    continue;
                }

                using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
                var index = shard.StartIndex;
                while (index < to && await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    if (index++ >= from)
                    {
                        var bytes = Encoding.UTF8.GetBytes(line + "\n");
                        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                        written++;
                    }
                }
            }
        }

        return written;
    }

    /// <summary>Finds one record by payload id: the dataset line and the lineage row that produced it, or null.</summary>
    public async Task<(ShardLineage Shard, string Record)?> FindAsync(string tenant, PayloadId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var shard = await _lineage.LocateAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (shard is null)
        {
            return null;
        }

        var stream = await _activities.OpenShardAsync(shard.BlobPath, shard.Gzip, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            for (var index = shard.StartIndex; await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line; index++)
            {
                if (index == id.Index)
                {
                    return (shard, line);
                }
            }
        }

        return null;
    }
}
