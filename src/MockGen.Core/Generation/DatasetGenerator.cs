using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Output;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Telemetry;
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

    // A target whose first this-many attempted indexes all failed is treated as hopeless: the rest are skipped.
    private const int HopelessAfter = 16;

    // Payloads per variant the enrichment planner probes: enough to reach optional and branch-only fields.
    private const int PlanProbes = 4;
    private const string PlanSeed = "mockgen-enrichment-plan";

    // The planner's version in PlanIdentity: 4 maximal then 4 typical probes from PlanSeed, recording free strings.
    private const string PlanFormat = "mockgen-enrichment-plan/1";

    private readonly GenerationOptions _options;
    private readonly ILeafValueSource _leaves;
    private readonly RealismEngine _realism;

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
            _realism = new RealismEngine(new RealismOptions
            {
                Locale = _options.Locale,
                Tenant = _options.Tenant,
                TenantPropertyNames = _options.TenantProperties,
                Profile = _options.Profile,
                Realism = _options.Realism,
            });
            _leaves = new RealismLeafSource(_realism);
        }
        catch (RealismConfigurationException e)
        {
            throw GenerationException.InvalidOptions([e.Message]);
        }
    }

    /// <summary>
    /// Generates <see cref="GenerationOptions.Count"/> payloads per target and variant. Nothing here aborts the run:
    /// a contract or target that cannot be generated, and every payload index that fails, get an error record in the
    /// dataset (<see cref="DatasetWriter.WriteError"/>) and a failure in their summary, and the rest is generated.
    /// </summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="targets">The targets to generate; null for every target of the contract.</param>
    /// <param name="writer">Where records go; the caller completes it.</param>
    /// <param name="progress">Called after each batch; null for none.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>One summary per target and variant, in generation order.</returns>
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
        using var activity = MockGenTelemetry.ActivitySource.StartActivity(SpanNames.Generate);
        activity?.SetTag(TelemetryTags.Tenant, _options.Tenant ?? string.Empty);
        activity?.SetTag(TelemetryTags.Contract, contract.Name);
        activity?.SetTag(TelemetryTags.ContractVersion, contract.Version);
        var summaries = new List<TargetRunSummary>();
        var total = _options.Count * targets.Count * _options.Variants.Count;
        long done = 0;
        foreach (var target in targets)
        {
            TargetGenerator generator;
            try
            {
                // Compile first: a target that fails to compile discards the contract's half-built schema set, so
                // the next target compiles from a clean one (contract.Schemas is read after, never cached here).
                contract.Compile(target);
                generator = CreateTarget(contract, contract.Schemas, target);
            }
            catch (Exception e) when (e is ContractException or GenerationException)
            {
                var failure = new TargetFailure(TargetFailureKinds.Invalid, "the target's schema cannot be compiled: " + (e.InnerException as SchemaException ?? e).Message, target.Id, null);
                writer.WriteError(ErrorRecord(contract, target, null, failure));
                summaries.AddRange(FailedTarget(contract, target, failure));
                done += _options.Count * _options.Variants.Count;
                progress?.Invoke(new GenerationProgress(done, total, target.Id, _options.Variants[0]));
                continue;
            }

            if (_options.Scenarios?.ForTarget(target.Id) is { Count: > 0 } scenarios)
            {
                // The scenarios mode: once per named scenario instead of once per variant.
                foreach (var scenario in scenarios)
                {
                    summaries.Add(RunScenario(contract, target, generator, scenario, writer, ref done, total, progress, cancellationToken));
                }

                continue;
            }

            foreach (var variant in _options.Variants)
            {
                var summary = Run(contract, target, generator, variant, writer, ref done, total, progress, cancellationToken);
                summaries.Add(summary);
            }
        }

        return summaries;
    }

    /// <summary>The error record of a failure; <paramref name="target"/> and <paramref name="variant"/> are null when it is the contract's or the target's as a whole.</summary>
    internal DatasetError ErrorRecord(Contract contract, ContractTarget? target, GenerationVariant? variant, TargetFailure failure) =>
        new(contract.Name, contract.Version, target?.Id, variant?.ToName(), failure.Index, _options.Seed, _options.Tenant, _options.Environment, _options.TestRunId,
            (target is null ? contract.Name : contract.Name + " " + target.Id) + ": " + failure.Describe(), failure.Kind, failure.SchemaLocation);

    private List<TargetRunSummary> FailedTarget(Contract contract, ContractTarget target, TargetFailure failure) =>
        [.. _options.Variants.Select(v => new TargetRunSummary(contract.Name, target.Id, target.Name, v, 0, 0, 0, TimeSpan.Zero, failure)
        {
            Failures = [failure],
            Skipped = _options.Count,
        })];

    /// <summary>
    /// Lists, per target, the free string leaves the realism rules have no opinion on: what an enrichment provider
    /// may fill. Deterministic and independent of the run's seed, tenant and environment: it probes a few maximal and
    /// typical payloads of each target from a fixed seed.
    /// </summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="targets">The targets to plan; null for every target of the contract.</param>
    /// <param name="cancellationToken">Checked between targets.</param>
    /// <returns>One plan per target, in the given order (targets without such fields have an empty field list).</returns>
    public IReadOnlyList<EnrichmentTargetPlan> PlanEnrichment(Contract contract, IReadOnlyList<ContractTarget>? targets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        targets ??= contract.Targets;
        var plans = new List<EnrichmentTargetPlan>(targets.Count);
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var recorder = new RecordingLeafSource(_leaves);
            SchemaSet schemas;
            TargetGenerator generator;
            try
            {
                // As in Generate: compile each target on its own, so one broken target costs only itself.
                contract.Compile(target);
                schemas = contract.Schemas;
                generator = CreateTarget(contract, schemas, target, recorder);
            }
            catch (Exception e) when (e is ContractException or GenerationException)
            {
                // Nothing to enrich: generation reports the compile failure as the target's error record.
                plans.Add(new EnrichmentTargetPlan(target.Id, target.Name, null, null, []));
                continue;
            }

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

    /// <summary>
    /// What <see cref="PlanEnrichment"/> of one target depends on, as one canonical JSON text: the planner's own
    /// version, the generator version, the contract version, the target, and every option that shapes the probes
    /// (locale, tenant, tenant properties, realism level and profile, format assertion, attempts). Equal identities
    /// give equal plans, so a plan stored under its identity's hash stands in for probing the target again (the run's
    /// seed, count, variants, environment and parallelism play no part: the probes use a fixed seed).
    /// </summary>
    /// <remarks>
    /// Bump <see cref="PlanFormat"/> when planning changes without the generator version changing (the probes, their
    /// count or seed, or what counts as a free field), so stored plans of the old planner are not reused.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string PlanIdentity(Contract contract, ContractTarget target)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(target);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("planner", PlanFormat);
            writer.WriteString("generator", GeneratorVersion.Value);
            writer.WriteString("contract", contract.Version);
            writer.WriteString("target", target.Id);
            writer.WriteString("locale", _options.Locale);
            writer.WriteString("tenant", _options.Tenant);
            writer.WriteStartArray("tenantProperties");
            foreach (var name in _options.TenantProperties)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteString("realism", _options.Realism?.ToString());
            writer.WriteString("profile", _options.Profile?.Fingerprint);
            writer.WriteBoolean("assertFormats", _options.AssertFormats);
            writer.WriteNumber("maxAttempts", _options.MaxAttempts);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
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
            IsSensitive = _realism.IsSensitive,
        };
        var validation = new ValidationOptions { AssertFormats = _options.AssertFormats, Direction = target.Direction };
        try
        {
            return ContractSchemas.CreateTarget(schemas, target.SchemaUri, settings, validation, _options.MaxAttempts, contract.Name);
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
        if (variant == GenerationVariant.Coverage)
        {
            return RunCoverage(contract, target, generator, writer, ref done, total, progress, cancellationToken);
        }

        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        long generated = 0;
        long retries = 0;
        long bytes = 0;
        long failed = 0;
        var failures = new List<TargetFailure>();
        var stop = false;
        long reached = 0;
        var ai = _options.Enrichment?.ForTarget(target.Id)?.Ai;
        var proposals = variant == GenerationVariant.Edge ? _options.Enrichment?.ProposalsFor(target.Id) : null;
        long accepted = 0, repaired = 0, rejected = 0, regenerated = 0;
        var batchSize = BatchPerWorker * _options.Parallelism;
        var results = new GenerationResult[Math.Min(batchSize, Math.Max(1, _options.Count))];

        // Built once per target variant, and only when something listens: the per-payload path stays allocation-free.
        var tags = GenerationTelemetry.TargetTags(_options.Tenant, contract.Name, target.Id, variant);
        for (long start = 0; start < _options.Count && !stop; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = (int)Math.Min(batchSize, _options.Count - start);
            var first = _options.FirstIndex + start;
            try
            {
                if (_options.Parallelism > 1)
                {
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
                    Parallel.For(0, n, parallel, i => results[i] = generator.Generate(KeyFor(contract, target, variant, first + i), Proposal(proposals, first + i)));
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        results[i] = generator.Generate(KeyFor(contract, target, variant, first + i), Proposal(proposals, first + i));
                    }
                }
            }
            catch (Exception e) when (InvalidHint(e) is { } hint)
            {
                // A malformed x-mockgen hint: every index of the target meets it, so the target stops here, named by the hint's pointer.
                var failure = new TargetFailure(TargetFailureKinds.Invalid, hint.Message, target.Id, null);
                writer.WriteError(ErrorRecord(contract, target, variant, failure));
                failures.Add(failure);
                Array.Clear(results);
                break;
            }

            // Written strictly in index order, so parallel output equals sequential output byte for byte.
            var consumed = n;
            var (generatedBefore, bytesBefore) = (generated, bytes);
            for (var i = 0; i < n; i++)
            {
                var index = first + i;
                retries += results[i].Attempts - 1;
                if (results[i] is Generated g)
                {
                    var payloadAi = ai;
                    switch (g.Proposal)
                    {
                        case ProposalVerdict.Accepted:
                            accepted++;
                            payloadAi = proposals!.Ai;
                            break;
                        case ProposalVerdict.Repaired:
                            repaired++;
                            regenerated += g.Regenerated;
                            payloadAi = proposals!.Ai;
                            break;
                        case ProposalVerdict.Rejected:
                            rejected++;
                            break;
                    }

                    var meta = new PayloadMeta(contract.Name, contract.Version, target.Id, variant.ToName(), index, _options.Seed, _options.Tenant, _options.Environment, _options.TestRunId, g.Violation) { Ai = payloadAi };
                    writer.Write(meta, g.Json);
                    generated++;
                    bytes += g.Json.Length;
                    if (g.Violation is not null)
                    {
                        GenerationTelemetry.Negative(tags, g.Violation.Keyword);
                    }

                    continue;
                }

                var failure = ToFailure(results[i], target, index);
                failed++;
                if (proposals?.For(index) is not null)
                {
                    rejected++;
                }

                GenerationTelemetry.Failed(tags, failure.Kind);
                if (failures.Count < TargetRunSummary.MaxRecordedFailures)
                {
                    failures.Add(failure);
                }

                // The error record takes the index's place, so a shard's lines still map one to one onto its indexes.
                writer.WriteError(ErrorRecord(contract, target, variant, failure));

                // A proven conflict fails every index alike; so, in practice, does a target whose first indexes all
                // failed. Either way the rest would only burn attempts: stop, and count the rest as skipped.
                if (generated == 0 && (failure.Kind == TargetFailureKinds.Unsatisfiable || failed >= HopelessAfter))
                {
                    if (failure.Kind == TargetFailureKinds.Unsatisfiable)
                    {
                        GenerationTelemetry.Unsatisfiable(tags);
                    }

                    stop = true;
                    consumed = i + 1;
                    break;
                }
            }

            Array.Clear(results);
            GenerationTelemetry.Batch(tags, generated - generatedBefore, bytes - bytesBefore);
            reached = start + consumed;
            done += consumed;
            progress?.Invoke(new GenerationProgress(done, total, target.Id, variant));
        }

        // Indexes skipped after the target proved hopeless count as done for the progress bar.
        var skipped = _options.Count - reached;
        done += skipped;

        var elapsed = clock.GetElapsedTime(started);
        return new TargetRunSummary(contract.Name, target.Id, target.Name, variant, generated, retries, bytes, elapsed, failures.FirstOrDefault())
        {
            Failures = failures,
            Failed = failed,
            Skipped = skipped,
            ProposalsAccepted = accepted,
            ProposalsRepaired = repaired,
            ProposalsRejected = rejected,
            ProposalValuesRegenerated = regenerated,
        };
    }

    // The coverage variant: a set chosen over the target (CoverageSelection), written in the order chosen; Count and
    // FirstIndex do not apply. A target none of whose candidates could be generated reports the first failure.
    private TargetRunSummary RunCoverage(
        Contract contract,
        ContractTarget target,
        TargetGenerator generator,
        DatasetWriter writer,
        ref long done,
        long total,
        Action<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        var coverage = Coverage.TargetCoverage.Create(generator.Root, target.Id, target.Direction, new Coverage.CoverageOptions { AssertFormats = _options.AssertFormats });
        List<Generated> chosen;
        long candidates;
        List<GenerationResult> failed;
        try
        {
            (chosen, candidates, failed) = CoverageSelection.Choose(generator, coverage, (v, i) => KeyFor(contract, target, v, i), _options.Parallelism, cancellationToken);
        }
        catch (Exception e) when (InvalidHint(e) is { } hint)
        {
            var failure = new TargetFailure(TargetFailureKinds.Invalid, hint.Message, target.Id, null);
            writer.WriteError(ErrorRecord(contract, target, GenerationVariant.Coverage, failure));
            return new TargetRunSummary(contract.Name, target.Id, target.Name, GenerationVariant.Coverage, 0, 0, 0, clock.GetElapsedTime(started), failure) { Failures = [failure], Failed = 1 };
        }

        var ai = _options.Enrichment?.ForTarget(target.Id)?.Ai;
        long bytes = 0;
        long retries = 0;
        for (var index = 0; index < chosen.Count; index++)
        {
            var g = chosen[index];
            var meta = new PayloadMeta(contract.Name, contract.Version, target.Id, GenerationVariant.Coverage.ToName(), index, _options.Seed, _options.Tenant, _options.Environment, _options.TestRunId, g.Violation) { Ai = ai };
            writer.Write(meta, g.Json);
            bytes += g.Json.Length;
            retries += g.Attempts - 1;
        }

        TargetFailure? first = null;
        if (chosen.Count == 0 && failed.Count > 0)
        {
            first = ToFailure(failed[0], target, 0);
            writer.WriteError(ErrorRecord(contract, target, GenerationVariant.Coverage, first));
        }

        done += _options.Count;
        progress?.Invoke(new GenerationProgress(done, total, target.Id, GenerationVariant.Coverage));
        return new TargetRunSummary(contract.Name, target.Id, target.Name, GenerationVariant.Coverage, chosen.Count, retries, bytes, clock.GetElapsedTime(started), first)
        {
            Failures = first is null ? [] : [first],
            Failed = first is null ? 0 : 1,
            Coverage = coverage.Summarize(),
            Candidates = candidates,
        };
    }

    /// <summary>
    /// One scenario of a target: each index's candidate is repaired against the target with the index's deterministic
    /// typical payload (seeded with the scenario's name) as the source of regenerated values, so the model's values
    /// that satisfy their subschema are kept and the gate passes every written payload. Sequential: scenarios are few.
    /// </summary>
    private TargetRunSummary RunScenario(
        Contract contract,
        ContractTarget target,
        TargetGenerator generator,
        ScenarioPayloads scenario,
        DatasetWriter writer,
        ref long done,
        long total,
        Action<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        const GenerationVariant Base = GenerationVariant.Typical;
        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        long generated = 0;
        long retries = 0;
        long bytes = 0;
        long failed = 0;
        var failures = new List<TargetFailure>();
        long accepted = 0;
        long repaired = 0;
        long values = 0;
        for (long i = 0; i < _options.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = _options.FirstIndex + i;
            var candidate = i < scenario.Candidates.Count ? scenario.Candidates[(int)i] : null;
            var result = generator.Generate(KeyFor(contract, target, Base, index) with { Scenario = scenario.Name });
            retries += result.Attempts - 1;
            byte[]? json = null;
            var answer = "regenerated";
            IReadOnlyList<string> regenerated = [];
            if (result is Generated g)
            {
                json = g.Json;
                if (candidate?.Payload is { } proposed)
                {
                    var outcome = PayloadRepair.Repair(proposed, g.Json, generator.Gate);
                    json = outcome.Json;
                    if (!outcome.WhollyRegenerated)
                    {
                        answer = outcome.Regenerated.Count == 0 ? "accepted" : "repaired";
                        regenerated = outcome.Regenerated;
                    }
                }
            }
            else if (candidate?.Payload is { } alone && generator.Gate.Check(alone).Count == 0)
            {
                // No deterministic base, but the answer passes the gate as it stands.
                json = PayloadRepair.ToUtf8(alone);
                answer = "accepted";
            }

            done++;
            if (json is null)
            {
                var failure = ToFailure(result, target, index);
                failed++;
                if (failures.Count < TargetRunSummary.MaxRecordedFailures)
                {
                    failures.Add(failure);
                }

                var record = ErrorRecord(contract, target, Base, failure);
                writer.WriteError(record with { Scenario = scenario.Name, Error = record.Error + " (scenario " + scenario.Name + ")" });
                continue;
            }

            var meta = new PayloadMeta(contract.Name, contract.Version, target.Id, Base.ToName(), index, _options.Seed, _options.Tenant, _options.Environment, _options.TestRunId, null)
            {
                Ai = answer == "regenerated" ? null : candidate!.Ai,
                Scenario = new PayloadScenarioMeta(scenario.Name, scenario.Parameters, answer, regenerated),
            };
            writer.Write(meta, json);
            generated++;
            bytes += json.Length;
            accepted += answer == "accepted" ? 1 : 0;
            repaired += answer == "repaired" ? 1 : 0;
            values += regenerated.Count;
        }

        progress?.Invoke(new GenerationProgress(done, total, target.Id, Base));
        return new TargetRunSummary(contract.Name, target.Id, target.Name + " [" + scenario.Name + "]", Base, generated, retries, bytes, clock.GetElapsedTime(started), failures.FirstOrDefault())
        {
            Failures = failures,
            Failed = failed,
            Scenario = new ScenarioAnswers(scenario.Name, accepted, repaired, generated - accepted - repaired, values),
        };
    }

    private JsonElement? Proposal(TargetProposals? proposals, long index) =>
        proposals?.For(index) is { } proposal ? ProposalTenancy.Apply(proposal, _options.Tenant, _options.TenantProperties) : null;

    private static TargetFailure ToFailure(GenerationResult result, ContractTarget target, long index) => result switch
    {
        Unsatisfiable u => new TargetFailure(TargetFailureKinds.Unsatisfiable, u.Reason, u.SchemaLocation, index) { Attempts = u.Attempts },
        GaveUp u => new TargetFailure(TargetFailureKinds.GaveUp, u.Reason, u.SchemaLocation, index) { Attempts = u.Attempts },
        Unsupported u => new TargetFailure(TargetFailureKinds.Unsupported, u.Reason, u.SchemaLocation, index) { Attempts = u.Attempts },
        _ => new TargetFailure(TargetFailureKinds.Unsupported, "unknown result", target.Id, index),
    };

    private static RealismConfigurationException? InvalidHint(Exception e) => e switch
    {
        RealismConfigurationException hint => hint,
        AggregateException { InnerExceptions: [RealismConfigurationException hint, ..] } => hint,
        _ => null,
    };
}
