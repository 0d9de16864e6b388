using System.Text.Json;
using MockGen.Storage.Lineage;

namespace MockGen.Storage.Runs;

/// <summary>The run manifest: the sealed description of a dataset. Deterministic bytes (no times), so its hash is the dataset's ETag.</summary>
internal static class RunManifest
{
    /// <summary>
    /// The manifest's bytes. <paramref name="traceId"/> is the sealing run's W3C trace id, written only when the run was
    /// traced: an untraced run's manifest (and so its hash) is the same as before telemetry existed.
    /// </summary>
    public static byte[] Write(RunSpec spec, RunStatus status, string generatorVersion, IReadOnlyList<ShardLineage> shards, IReadOnlyList<string> failures, string? traceId = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("tenant", spec.Tenant);
            w.WriteString("runId", spec.RunId);
            w.WriteString("contract", spec.ContractName);
            w.WriteString("contractVersion", spec.ContractVersion);
            w.WriteString("status", status.ToString());
            w.WriteString("seed", spec.Seed);
            w.WriteString("environment", spec.Environment);
            if (spec.Locale is not null)
            {
                w.WriteString("locale", spec.Locale);
            }

            if (spec.Realism is not null)
            {
                w.WriteString("realism", spec.Realism);
            }

            w.WriteStartArray("variants");
            foreach (var v in spec.Variants)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            w.WriteNumber("countPerTarget", spec.CountPerTarget);
            w.WriteNumber("shardSize", spec.ShardSize);
            w.WriteBoolean("gzip", spec.Gzip);
            w.WriteString("generator", generatorVersion);
            if (traceId is not null)
            {
                w.WriteString("traceId", traceId);
            }

            w.WriteNumber("payloads", shards.Sum(s => (long)s.Count));
            w.WriteNumber("bytes", shards.Sum(s => s.Bytes));
            w.WriteStartArray("shards");
            foreach (var s in shards)
            {
                w.WriteStartObject();
                w.WriteString("key", s.ShardKey);
                w.WriteString("blob", s.BlobPath);
                w.WriteString("target", s.TargetId);
                w.WriteNumber("targetOrdinal", s.TargetOrdinal);
                w.WriteString("variant", s.Variant);
                w.WriteNumber("start", s.StartIndex);
                w.WriteNumber("count", s.Count);
                if (s.Failed > 0)
                {
                    // Written only when there are some, so manifests of runs without failed indexes keep their bytes.
                    w.WriteNumber("failed", s.Failed);
                }

                w.WriteNumber("bytes", s.Bytes);
                w.WriteString("sha256", s.Sha256);
                if (s.TraceId is not null)
                {
                    w.WriteString("traceId", s.TraceId);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("failures");
            foreach (var f in failures)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
