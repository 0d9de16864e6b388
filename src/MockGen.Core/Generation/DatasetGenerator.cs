using MockGen.Core.Contracts;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Output;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation;

/// <summary>
/// MockGen's main job: turns a contract's targets into a dataset, every payload gated by the validator,
/// streamed to a <see cref="DatasetWriter"/>. Immutable and thread-safe; one instance serves many runs.
/// </summary>
/// <remarks>
/// Parallel runs generate a batch of indices on several threads and write the batch in index order, so
/// the output is byte-identical to a sequential run and memory is bounded by the batch, not the count.
/// </remarks>
public sealed class DatasetGenerator
{
    private const int BatchPerWorker = 64;

    // Payloads per variant the enrichment planner probes: enough to reach optional and branch-only fields.
    private const int PlanProbes = 4;
    private const string PlanSeed = "mockgen-enrichment-plan";

    private readonly GenerationOptions _options;
    private readonly ILeafValueSource _leaves;

    /// <summary>Creates a generator; the options are validated and copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="GenerationException">Some option is invalid (all are listed), including the realism settings.</exception>
    public DatasetGenerator(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Copy();
        try
        {
            // One engine per generator: it is immutable and thread-safe, and its Bogus data loads once.
            var realism = new RealismEngine(new RealismOptions
            {
                Locale = _options.Locale,
                Tenant = _options.Tenant,
                TenantPropertyNames = _options.TenantProperties,
                Profile = _options.Profile,
            });
            _leaves = new RealismLeafSource(realism);
        }
        catch (RealismConfigurationException e)
        {
            throw GenerationException.InvalidOptions([e.Message]);
        }
    }

    /// <summary>Generates <see cref="GenerationOptions.Count"/> payloads per target and variant.</summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="targets">The targets to generate; null for every target of the contract.</param>
    /// <param name="writer">Where records go; the caller completes it.</param>
    /// <param name="progress">Called after each batch; null for none.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>One summary per target and variant, in generation order.</returns>
    /// <exception cref="GenerationException">A target's schema cannot be compiled.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public IReadOnlyList<TargetRunSummary> Generate(
        Contract contract,
        IReadOnlyList<ContractTarget>? targets,
        DatasetWriter writer,
        Action<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(writer);
        targets ??= contract.Targets;
        var schemas = CompiledSchemas(contract);
        var summaries = new List<TargetRunSummary>();
        var total = _options.Count * targets.Count * _options.Variants.Count;
        long done = 0;
        foreach (var target in targets)
        {
            var generator = CreateTarget(contract, schemas, target);
            foreach (var variant in _options.Variants)
            {
                var summary = Run(contract, target, generator, variant, writer, ref done, total, progress, cancellationToken);
                summaries.Add(summary);
            }
        }

        return summaries;
    }

    internal static SchemaSet CompiledSchemas(Contract contract)
    {
        try
        {
            return contract.Schemas;
        }
        catch (SchemaException e)
        {
            throw GenerationException.TargetNotCompilable(contract.Name, "(contract)", e);
        }
    }

    /// <summary>
    /// Lists, per target, the free string leaves the realism rules have no opinion on: what an enrichment provider
    /// may fill. Deterministic and independent of the run's seed, tenant and environment: it probes a few maximal and
    /// typical payloads of each target from a fixed seed.
    /// </summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="targets">The targets to plan; null for every target of the contract.</param>
    /// <param name="cancellationToken">Checked between targets.</param>
    /// <returns>One plan per target, in the given order (targets without such fields have an empty field list).</returns>
    /// <exception cref="GenerationException">A target's schema cannot be compiled.</exception>
    public IReadOnlyList<EnrichmentTargetPlan> PlanEnrichment(Contract contract, IReadOnlyList<ContractTarget>? targets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        targets ??= contract.Targets;
        var schemas = CompiledSchemas(contract);
        var plans = new List<EnrichmentTargetPlan>(targets.Count);
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var recorder = new RecordingLeafSource(_leaves);
            var generator = CreateTarget(contract, schemas, target, recorder);
            // Maximal reaches every optional property; typical adds the shapes a dataset mostly holds.
            foreach (var variant in (ReadOnlySpan<GenerationVariant>)[GenerationVariant.Maximal, GenerationVariant.Typical])
            {
                for (var index = 0; index < PlanProbes; index++)
                {
                    // A fixed probe seed: the plan (and so every prompt and cassette key) is the contract's, whatever the run seed.
                    generator.Generate(new PayloadKey(contract.Version, target.Id, variant, PlanSeed, string.Empty, string.Empty, index));
                }
            }

            var root = schemas.GetNode(target.SchemaUri);
            plans.Add(new EnrichmentTargetPlan(target.Id, target.Name, root.Title, root.Description, recorder.Fields()));
        }

        return plans;
    }

    internal TargetGenerator CreateTarget(Contract contract, SchemaSet schemas, ContractTarget target) =>
        CreateTarget(contract, schemas, target, _options.Enrichment?.ForTarget(target.Id) is { } pools ? new EnrichedLeafSource(_leaves, pools) : _leaves);

    private TargetGenerator CreateTarget(Contract contract, SchemaSet schemas, ContractTarget target, ILeafValueSource leaves)
    {
        var settings = new WalkerSettings
        {
            Direction = target.Direction,
            Leaves = leaves,
            Tenant = _options.Tenant,
            TenantProperties = _options.TenantProperties,
        };
        var validation = new ValidationOptions { AssertFormats = _options.AssertFormats, Direction = target.Direction };
        try
        {
            return ContractSchemas.CreateTarget(schemas, target.SchemaUri, settings, validation, _options.MaxAttempts);
        }
        catch (SchemaException e)
        {
            throw GenerationException.TargetNotCompilable(contract.Name, target.Id, e);
        }
    }

    internal PayloadKey KeyFor(Contract contract, ContractTarget target, GenerationVariant variant, long index) =>
        new(contract.Version, target.Id, variant, _options.Seed, _options.Tenant ?? string.Empty, _options.Environment ?? string.Empty, index);

    private TargetRunSummary Run(
        Contract contract,
        ContractTarget target,
        TargetGenerator generator,
        GenerationVariant variant,
        DatasetWriter writer,
        ref long done,
        long total,
        Action<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        long generated = 0;
        long retries = 0;
        long bytes = 0;
        TargetFailure? failure = null;
        long reached = 0;
        var ai = _options.Enrichment?.ForTarget(target.Id)?.Ai;
        var batchSize = BatchPerWorker * _options.Parallelism;
        var results = new GenerationResult[Math.Min(batchSize, Math.Max(1, _options.Count))];
        for (long start = 0; start < _options.Count && failure is null; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = (int)Math.Min(batchSize, _options.Count - start);
            var first = _options.FirstIndex + start;
            if (_options.Parallelism > 1)
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
                Parallel.For(0, n, parallel, i => results[i] = generator.Generate(KeyFor(contract, target, variant, first + i)));
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    results[i] = generator.Generate(KeyFor(contract, target, variant, first + i));
                }
            }

            // Written strictly in index order, so parallel output equals sequential output byte for byte.
            for (var i = 0; i < n; i++)
            {
                var index = first + i;
                retries += results[i].Attempts - 1;
                if (results[i] is Generated g)
                {
                    var meta = new PayloadMeta(contract.Name, contract.Version, target.Id, variant.ToName(), index, _options.Seed, _options.Tenant, _options.Environment, _options.TestRunId, g.Violation) { Ai = ai };
                    writer.Write(meta, g.Json);
                    generated++;
                    bytes += g.Json.Length;
                }
                else
                {
                    failure = results[i] switch
                    {
                        Unsatisfiable u => new TargetFailure("unsatisfiable", u.Reason, u.SchemaLocation, index),
                        Unsupported u => new TargetFailure("unsupported", u.Reason, u.SchemaLocation, index),
                        _ => new TargetFailure("unsupported", "unknown result", target.Id, index),
                    };
                    break;
                }
            }

            Array.Clear(results);
            reached = start + n;
            done += n;
            progress?.Invoke(new GenerationProgress(done, total, target.Id, variant));
        }

        // After a failure the rest of this target and variant is skipped; it counts as done for the progress bar.
        done += _options.Count - reached;

        var elapsed = clock.GetElapsedTime(started);
        return new TargetRunSummary(contract.Name, target.Id, target.Name, variant, generated, retries, bytes, elapsed, failure);
    }
}
