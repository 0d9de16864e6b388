using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MockGen.Storage.Drift;
using MockGen.Storage.Engine;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Core.Telemetry;
using MockGen.Storage.Stores;
using MockGen.Storage.Telemetry;

namespace MockGen.Storage.Runs;

/// <summary>
/// The activity bodies: every piece of I/O and CPU work the orchestrators schedule. Each takes and returns one
/// small serializable record, is idempotent (deterministic blob names, upserts) and safe to run at least once,
/// as Durable Functions requires. A Durable host wraps each method in an <c>[ActivityTrigger]</c> function.
/// </summary>
public sealed class PipelineActivities
{
    private const int CacheLimit = 32;
    private readonly PipelineStore _store;
    private readonly ContractRegistry _registry;
    private readonly PipelineEngine _engine;
    private readonly LineageIndex _lineage;
    private readonly RunCatalog _runs;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _contracts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IPayloadValidator>>> _validators = new(StringComparer.Ordinal);

    /// <summary>Creates the activities over a store and the Core engine.</summary>
    public PipelineActivities(PipelineStore store, ContractRegistry registry, PipelineEngine engine, RunCatalog runs)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _lineage = new LineageIndex(store.Tables);
    }

    /// <summary>The store's kind (<c>folder</c>, <c>azure</c>), the store tag of run metrics.</summary>
    internal string StoreKind => _store.Kind;

    /// <summary>Activity <see cref="ActivityNames.ListTargets"/>.</summary>
    public Task<TargetList> ListTargetsAsync(TargetListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PipelineTelemetry.TracedAsync(SpanNames.ListTargets, request.Tenant, request.ContractName, _ => ListTargetsCoreAsync(request, cancellationToken));
    }

    private async Task<TargetList> ListTargetsCoreAsync(TargetListRequest request, CancellationToken cancellationToken)
    {
        var version = await _registry.GetAsync(request.Tenant, request.ContractName, request.ContractVersion, cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound("contract version", request.ContractName + "@" + request.ContractVersion);
        if (version.Status != ContractStatus.Ready)
        {
            throw MockGenStorageException.Conflict("contract version", request.ContractName + "@" + request.ContractVersion, "failed to load: " + string.Join("; ", version.Diagnostics));
        }

        var content = await ContractAsync(request.Tenant, request.ContractName, request.ContractVersion, cancellationToken).ConfigureAwait(false);
        var inspection = _engine.Inspector.Inspect(request.ContractName, content);
        return new TargetList(inspection.Targets.Select(t => t.Id).ToList());
    }

    /// <summary>
    /// Activity <see cref="ActivityNames.GenerateShard"/>: skips a shard whose lineage row exists and whose blob still
    /// hashes to the recorded value; otherwise generates it, writes the blob, then the lineage row (in that order, so
    /// a crash in between only costs a regeneration of identical bytes).
    /// </summary>
    public async Task<ShardResult> GenerateShardAsync(ShardSpec shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var started = Stopwatch.GetTimestamp();
        var result = await PipelineTelemetry.TracedAsync(SpanNames.GenerateShard, shard.Tenant, shard.ContractName, activity =>
        {
            activity?.SetTag(TelemetryTags.RunId, shard.RunId);
            activity?.SetTag(TelemetryTags.ContractVersion, shard.ContractVersion);
            activity?.SetTag(TelemetryTags.Target, shard.TargetId);
            activity?.SetTag(TelemetryTags.Variant, shard.Variant);
            activity?.SetTag(TelemetryTags.Shard, shard.ShardKey);
            return GenerateShardCoreAsync(shard, cancellationToken);
        }).ConfigureAwait(false);
        Activity.Current?.SetTag(TelemetryTags.Reused, result.Reused);
        if (MockGenMetrics.ShardDuration.Enabled)
        {
            MockGenMetrics.ShardDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList
            {
                { TelemetryTags.Tenant, shard.Tenant },
                { TelemetryTags.Contract, shard.ContractName },
                { TelemetryTags.Target, shard.TargetId },
                { TelemetryTags.Variant, shard.Variant },
                { TelemetryTags.Store, _store.Kind },
                { TelemetryTags.Reused, result.Reused },
            });
        }

        return result;
    }

    private async Task<ShardResult> GenerateShardCoreAsync(ShardSpec shard, CancellationToken cancellationToken)
    {
        var existing = await _lineage.GetAsync(shard.Tenant, shard.RunId, shard.ShardKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null && string.Equals(existing.BlobPath, shard.BlobPath, StringComparison.Ordinal)
            && await BlobHashAsync(existing.BlobPath, cancellationToken).ConfigureAwait(false) is { } hash
            && string.Equals(hash, existing.Sha256, StringComparison.Ordinal))
        {
            // A reused shard's failed indexes were reported by the execution that wrote it; they stay in its error records.
            return new ShardResult(shard.ShardKey, shard.BlobPath, existing.Count, existing.Bytes, existing.Sha256, Reused: true, Failure: null)
            {
                FailedIndexes = existing.Failed == 0 ? [] : [$"{shard.TargetId}: {existing.Failed} indexes failed (error records in {existing.BlobPath})"],
            };
        }

        using var buffer = new MemoryStream();
        var generated = await GenerateIntoAsync(shard, buffer, cancellationToken).ConfigureAwait(false);
        if (generated.Failure is not null)
        {
            return new ShardResult(shard.ShardKey, shard.BlobPath, 0, 0, string.Empty, Reused: false, generated.Failure);
        }

        var sha = ContentHash.Hex(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var length = buffer.Length;
        buffer.Position = 0;
        await _store.Blobs.WriteAsync(shard.BlobPath, buffer, cancellationToken).ConfigureAwait(false);

        // Once the blob is written, its lineage row is recorded even if the run is being interrupted: a request
        // aborted on the client may still commit on the server later, so a cancelled write would leave the
        // shard's state undecided after the runner has returned. (A hard crash here only costs a regenerated shard.)
        await _lineage.RecordAsync(
            [new ShardLineage(shard.Tenant, shard.RunId, shard.ShardKey, shard.ContractName, shard.ContractVersion, shard.TargetOrdinal, shard.TargetId, shard.Variant, shard.StartIndex, generated.Written, length, sha, shard.Seed, shard.Environment, _engine.Generator.GeneratorVersion, shard.BlobPath, shard.Gzip) { Failed = generated.Failed, TraceId = MockGenTelemetry.CurrentTraceId() }],
            CancellationToken.None).ConfigureAwait(false);
        return new ShardResult(shard.ShardKey, shard.BlobPath, generated.Written, length, sha, Reused: false, Failure: null)
        {
            FailedIndexes = [.. generated.FailedIndexes.Select(f => shard.TargetId + " " + f)],
        };
    }

    /// <summary>
    /// Generates a shard again exactly as <see cref="GenerateShardAsync"/> would and returns its hash, writing nothing:
    /// what a reproduction compares with the manifest.
    /// </summary>
    /// <returns>The SHA-256 (hex) and size of the bytes the shard's blob would hold, or the generator's failure.</returns>
    public async Task<(string? Sha256, long Bytes, string? Failure)> RegenerateShardAsync(ShardSpec shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        using var buffer = new MemoryStream();
        var generated = await GenerateIntoAsync(shard, buffer, cancellationToken).ConfigureAwait(false);
        return generated.Failure is not null ? (null, 0, generated.Failure) : (ContentHash.Hex(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), buffer.Length, null);
    }

    /// <summary>
    /// Activity <see cref="ActivityNames.WriteManifest"/>: builds the manifest from the lineage rows (the source of
    /// truth), writes it, and seals the run. The manifest holds no times, so re-sealing a run rewrites the same bytes.
    /// </summary>
    public Task<RunOutcome> WriteManifestAsync(ManifestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PipelineTelemetry.TracedAsync(SpanNames.WriteManifest, request.Spec.Tenant, request.Spec.ContractName, activity =>
        {
            activity?.SetTag(TelemetryTags.RunId, request.Spec.RunId);
            return WriteManifestCoreAsync(request, cancellationToken);
        });
    }

    private async Task<RunOutcome> WriteManifestCoreAsync(ManifestRequest request, CancellationToken cancellationToken)
    {
        var spec = request.Spec;
        var shards = new List<ShardLineage>();
        await foreach (var shard in _lineage.ListAsync(spec.Tenant, spec.RunId, cancellationToken).ConfigureAwait(false))
        {
            shards.Add(shard);
        }

        if (shards.Count != request.ShardCount - request.Failures.Count)
        {
            throw MockGenStorageException.Conflict("run", spec.RunId, $"expected {request.ShardCount - request.Failures.Count} lineage rows, found {shards.Count}");
        }

        var status = request.Failures.Count == 0 && request.FailedIndexes.Count == 0 && shards.All(s => s.Failed == 0) ? RunStatus.Completed : RunStatus.CompletedWithErrors;
        var path = RunPaths.Manifest(spec.Tenant, spec.ContractName, spec.ContractVersion, spec.RunId);
        var traceId = MockGenTelemetry.CurrentTraceId();
        var bytes = RunManifest.Write(spec, status, _engine.Generator.GeneratorVersion, shards, request.Failures, traceId);
        await _store.Blobs.WriteAsync(path, new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
        var outcome = new RunOutcome(spec.Tenant, spec.RunId, status, request.ShardCount, request.Generated, request.Reused, shards.Sum(s => (long)s.Count), shards.Sum(s => s.Bytes), path, ContentHash.Hex(bytes), [.. request.Failures.Concat(request.FailedIndexes).Take(100)]) { TraceId = traceId };
        await _runs.CompleteAsync(spec, outcome, cancellationToken).ConfigureAwait(false);
        if (MockGenMetrics.RunsCompleted.Enabled)
        {
            var tags = PipelineTelemetry.RunTags(spec.Tenant, spec.ContractName, _store.Kind);
            tags.Add(TelemetryTags.RunStatus, status.ToString());
            MockGenMetrics.RunsCompleted.Add(1, tags);
        }

        return outcome;
    }

    /// <summary>Activity <see cref="ActivityNames.ListRunShards"/>.</summary>
    public Task<ShardRefList> ListRunShardsAsync(DriftSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return PipelineTelemetry.TracedAsync(SpanNames.ListRunShards, spec.Tenant, spec.ContractName, _ => ListRunShardsCoreAsync(spec, cancellationToken));
    }

    private async Task<ShardRefList> ListRunShardsCoreAsync(DriftSpec spec, CancellationToken cancellationToken)
    {
        var run = await _runs.GetAsync(spec.Tenant, spec.RunId, cancellationToken).ConfigureAwait(false);
        if (run is not { IsSealed: true })
        {
            throw MockGenStorageException.NotFound("finished run", spec.RunId);
        }

        var shards = new List<ShardRef>();
        await foreach (var s in _lineage.ListAsync(spec.Tenant, spec.RunId, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(s.Variant, "negative", StringComparison.Ordinal))
            {
                shards.Add(new ShardRef(s.ShardKey, s.BlobPath, s.TargetId, s.Variant, s.Count, s.Gzip));
            }
        }

        return new ShardRefList(run.Spec.ContractVersion, shards);
    }

    /// <summary>Activity <see cref="ActivityNames.ValidateShard"/>: validates every payload of one shard, streaming it.</summary>
    public Task<ShardDrift> ValidateShardAsync(ValidateShardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PipelineTelemetry.TracedAsync(SpanNames.ValidateShard, request.Tenant, request.ContractName, activity =>
        {
            activity?.SetTag(TelemetryTags.AgainstVersion, request.AgainstVersion);
            activity?.SetTag(TelemetryTags.Target, request.Shard.TargetId);
            activity?.SetTag(TelemetryTags.Shard, request.Shard.ShardKey);
            return ValidateShardCoreAsync(request, cancellationToken);
        });
    }

    private async Task<ShardDrift> ValidateShardCoreAsync(ValidateShardRequest request, CancellationToken cancellationToken)
    {
        var validator = await ValidatorAsync(request.Tenant, request.ContractName, request.AgainstVersion, cancellationToken).ConfigureAwait(false);
        var shard = request.Shard;
        if (!validator.HasTarget(shard.TargetId))
        {
            return new ShardDrift(shard.TargetId, shard.Count, shard.Count, [new DriftCount("(target removed)", shard.Count)], [new DriftCount(string.Empty, shard.Count)]);
        }

        var keywords = new Dictionary<string, long>(StringComparer.Ordinal);
        var paths = new Dictionary<string, long>(StringComparer.Ordinal);
        long payloads = 0, failing = 0;
        var stream = await OpenShardAsync(shard.BlobPath, shard.Gzip, cancellationToken).ConfigureAwait(false);
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var record = JsonDocument.Parse(line);
                if (!record.RootElement.TryGetProperty("payload", out var payload))
                {
                    // An error record (a failed index): there is no payload to judge; the run's manifest reports it.
                    continue;
                }

                payloads++;
                var violations = validator.Validate(shard.TargetId, payload);
                if (violations.Count == 0)
                {
                    continue;
                }

                failing++;
                foreach (var v in violations)
                {
                    ValidationTelemetry.Failure(request.Tenant, request.ContractName, shard.TargetId, v.Keyword, ValidationTelemetry.Drift);
                    keywords[v.Keyword] = keywords.GetValueOrDefault(v.Keyword) + 1;
                    var path = DriftAggregation.GeneralizePath(v.InstanceLocation);
                    paths[path] = paths.GetValueOrDefault(path) + 1;
                }
            }
        }

        ValidationTelemetry.Validated(request.Tenant, request.ContractName, shard.TargetId, ValidationTelemetry.Drift, payloads);
        return new ShardDrift(shard.TargetId, payloads, failing, DriftAggregation.Top(keywords.Select(k => new DriftCount(k.Key, k.Value))), DriftAggregation.Top(paths.Select(k => new DriftCount(k.Key, k.Value))));
    }

    /// <summary>Activity <see cref="ActivityNames.WriteDriftReport"/>: stores the report beside the run's other reports.</summary>
    public Task<DriftReport> WriteDriftReportAsync(DriftReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PipelineTelemetry.TracedAsync(SpanNames.WriteDriftReport, report.Tenant, report.ContractName, _ => WriteDriftReportCoreAsync(report, cancellationToken));
    }

    private async Task<DriftReport> WriteDriftReportCoreAsync(DriftReport report, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(report, MessageJson.Options);
        await _store.Blobs.WriteAsync(RunPaths.DriftReport(report.Tenant, report.RunId, report.AgainstVersion), new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
        if (MockGenMetrics.DriftFailures.Enabled)
        {
            MockGenMetrics.DriftFailures.Add(report.Failing, new TagList
            {
                { TelemetryTags.Tenant, report.Tenant },
                { TelemetryTags.Contract, report.ContractName },
                { TelemetryTags.ContractVersion, report.FromVersion },
                { TelemetryTags.AgainstVersion, report.AgainstVersion },
            });
        }

        return report;
    }

    private async Task<ShardGenerationResult> GenerateIntoAsync(ShardSpec shard, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(shard.Tenant, shard.ContractName, shard.ContractVersion, cancellationToken).ConfigureAwait(false);
        var request = new ShardGenerationRequest(shard.ContractName, contract, shard.ContractVersion, shard.TargetId, shard.Variant, shard.StartIndex, shard.Count, shard.Seed, shard.Tenant, shard.Environment, shard.RunId, shard.Locale) { Realism = shard.Realism, Prompt = shard.Prompt };
        if (_engine.Enricher is { } enricher && (await ProfileAsync(shard, cancellationToken).ConfigureAwait(false)).Ai is { Enabled: true } ai)
        {
            // Enrichment comes before generation and the gate: the pools only change where candidates come from.
            var enrichment = await enricher.PrepareAsync(request, ai, cancellationToken).ConfigureAwait(false);
            if (enrichment.Failure is not null)
            {
                return new ShardGenerationResult(0, shard.TargetId + ": AI enrichment: " + enrichment.Failure);
            }

            request = request with { Enrichment = enrichment.Pools };
        }

        // One shard is buffered (at most ShardSize payloads): memory is bounded by the shard, not by the run.
        if (shard.Gzip)
        {
            using var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true);
            return _engine.Generator.Generate(request, gzip, cancellationToken);
        }

        return _engine.Generator.Generate(request, buffer, cancellationToken);
    }

    /// <summary>Opens a shard blob for reading its NDJSON, decompressing when needed.</summary>
    internal async Task<Stream> OpenShardAsync(string blobPath, bool gzip, CancellationToken cancellationToken)
    {
        var stream = await _store.Blobs.OpenReadAsync(blobPath, cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound("shard blob", blobPath);
        return gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    // The run's own profile version when it recorded one (what it was planned with), else the active profile.
    private async Task<TenantProfile> ProfileAsync(ShardSpec shard, CancellationToken cancellationToken) =>
        shard.ProfileVersion is { } version
            ? TenantProfile.Parse(shard.Tenant + " profile " + version, await _registry.ReadProfileAsync(shard.Tenant, version, cancellationToken).ConfigureAwait(false))
            : await _registry.GetProfileAsync(shard.Tenant, cancellationToken).ConfigureAwait(false);

    private async Task<string?> BlobHashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = await _store.Blobs.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await ContentHash.HexAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<byte[]> ContractAsync(string tenant, string name, string version, CancellationToken cancellationToken)
    {
        if (_contracts.Count > CacheLimit)
        {
            _contracts.Clear();
        }

        var lazy = _contracts.GetOrAdd(tenant + "/" + name + "@" + version, _ => new Lazy<Task<byte[]>>(() => _registry.ReadContentAsync(tenant, name, version, CancellationToken.None)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private Task<IPayloadValidator> ValidatorAsync(string tenant, string name, string version, CancellationToken cancellationToken)
    {
        if (_validators.Count > CacheLimit)
        {
            _validators.Clear();
        }

        var lazy = _validators.GetOrAdd(tenant + "/" + name + "@" + version, _ => new Lazy<Task<IPayloadValidator>>(async () =>
        {
            var content = await ContractAsync(tenant, name, version, CancellationToken.None).ConfigureAwait(false);
            return _engine.Validators.Compile(name, content);
        }));
        return lazy.Value.WaitAsync(cancellationToken);
    }
}
