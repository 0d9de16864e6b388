using System.Text;
using MockGen.Storage;
using MockGen.Storage.Lineage;
using MockGen.Storage.Runs;

namespace MockGen.Functions.Tests.Support;

/// <summary>Reads what a run left in a store: lineage rows, shard and manifest bytes, the dataset's lines.</summary>
internal static class PipelineProbe
{
    public static async Task<List<ShardLineage>> LineageAsync(MockGenPipeline pipeline, string tenant, string runId)
    {
        var rows = new List<ShardLineage>();
        await foreach (var row in pipeline.Lineage.ListAsync(tenant, runId))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<byte[]> BytesAsync(MockGenPipeline pipeline, string path)
    {
        var stream = await pipeline.Store.Blobs.OpenReadAsync(path) ?? throw new InvalidOperationException(path + " is missing");
        await using (stream)
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    public static async Task<string[]> DatasetLinesAsync(MockGenPipeline pipeline, string tenant, string runId)
    {
        var output = new MemoryStream();
        await pipeline.Reader.CopyAsync(tenant, runId, new DatasetFilter(null, null, null, null), output);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task<List<RunRecord>> RunsAsync(MockGenPipeline pipeline, string tenant)
    {
        var runs = new List<RunRecord>();
        await foreach (var run in pipeline.Runs.ListAsync(tenant))
        {
            runs.Add(run);
        }

        return runs;
    }

    public static CancellationToken Timeout(int seconds = 120) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
