using System.Collections.Concurrent;
using System.Globalization;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Prompts;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Storage.Engine;
using MockGen.Storage.Prompts;
using MockGen.Storage.Registry;
using MockGen.Storage.Stores;

namespace MockGen.Ai.Pipeline;

/// <summary>
/// The pipeline's AI enrichment (<see cref="IShardEnricher"/>): per shard, the tenant profile's <c>ai</c> settings
/// and the cassette in the store (<c>ai-cassettes/{tenant}/…</c>). An <c>edge</c> shard gets the target's edge-case
/// proposals, any other shard its value pools. Every shard of a target asks the same requests (the request seed is
/// the contract's and target's, never the shard's), so within one process the answer is prepared once per
/// (tenant, contract version, target, mode, settings) and shared by the target's shards; across processes the
/// cassette makes them agree. The token budget therefore applies per target. Thread-safe.
/// </summary>
public sealed class AiShardEnricher : IShardEnricher
{
    private const int CacheLimit = 64;
    private readonly CassetteStore _cassettes;
    private readonly PlanStore _plans;
    private readonly PromptRegistry _prompts;
    private readonly AiShardEnricherOptions _options;
    private readonly ContractLoader _loader = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ShardEnrichment>>> _prepared = new(StringComparer.Ordinal);

    /// <summary>Creates the enricher over the pipeline's store.</summary>
    /// <exception cref="ArgumentException">Record or live mode without live options.</exception>
    public AiShardEnricher(PipelineStore store, AiShardEnricherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new AiShardEnricherOptions();
        if (options.Mode != CassetteMode.Replay && options.Live is null)
        {
            throw new ArgumentException(options.Mode.ToString().ToLowerInvariant() + " mode calls Azure OpenAI: live options (an endpoint) are required", nameof(options));
        }

        _cassettes = new CassetteStore(store.Blobs);
        _plans = new PlanStore(store.Blobs);
        _prompts = new PromptRegistry(store);
        _options = new AiShardEnricherOptions { Mode = options.Mode, Live = options.Live, Deployment = options.Deployment };
    }

    /// <inheritdoc />
    public Task<ShardEnrichment> PrepareAsync(ShardGenerationRequest request, TenantAiSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var edge = request.Variant == GenerationVariant.Edge.ToName();
        var key = string.Join('\u001f', request.Tenant, request.ContractVersion, request.TargetId, edge ? "edge" : "enrich", request.Locale ?? string.Empty, request.Prompt ?? string.Empty, System.Text.Json.JsonSerializer.Serialize(settings));
        if (_prepared.Count > CacheLimit)
        {
            _prepared.Clear();
        }

        var lazy = _prepared.GetOrAdd(key, _ => new Lazy<Task<ShardEnrichment>>(() => PrepareOnceAsync(request, settings, edge, CancellationToken.None)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<ShardEnrichment> PrepareOnceAsync(ShardGenerationRequest request, TenantAiSettings tenant, bool edge, CancellationToken cancellationToken)
    {
        EnrichmentSettings settings;
        try
        {
            settings = TenantEnrichmentSettings.From(tenant, _options.Deployment);
        }
        catch (ArgumentException e)
        {
            return new ShardEnrichment(null, e.Message, null);
        }

        var contract = _loader.Load(request.ContractName, request.Contract, cancellationToken);
        if (contract.FindTarget(request.TargetId) is not { } target)
        {
            // Generation reports the unknown target; there is nothing to ask.
            return new ShardEnrichment(null, null, null);
        }

        // The run pinned its prompt version when it was created (RunPrompts); null is the built-in template.
        PromptTemplate? prompt = null;
        if (request.Prompt is { } pinned)
        {
            try
            {
                prompt = PromptTemplate.From(await _prompts.GetAsync(request.Tenant, pinned, cancellationToken).ConfigureAwait(false));
            }
            catch (PromptRegistryException e)
            {
                return new ShardEnrichment(null, "prompt " + pinned + ": " + e.Message, null);
            }
        }

        var gateway = AiGateways.Build(_options.Mode, _cassettes, request.Tenant, _options.Live);
        var locale = request.Locale ?? new GenerationOptions().Locale;
        var context = new EnrichmentContext(contract.Version, request.Seed, request.Tenant, locale);
        try
        {
            EnrichmentRun run;
            if (edge)
            {
                run = await new EdgeCaseProposer(gateway, settings).ProposeAsync(contract, [target], context, prompt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The plan is the contract's (a fixed probe seed), as in the CLI; tenant and locale shape the probes alike.
                // Replay reads it from the cassette's stored plans when the record run left one, instead of probing.
                var planner = new DatasetGenerator(new GenerationOptions { Tenant = request.Tenant, Locale = locale });
                var planning = await new EnrichmentPlanner(_plans, _options.Mode, request.Tenant).PlanAsync(planner, contract, [target], cancellationToken).ConfigureAwait(false);
                run = await new ValueEnricher(gateway, settings).EnrichAsync(planning.Plans, context, prompt, cancellationToken).ConfigureAwait(false);
            }

            var report = run.Report;
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"ai ({_options.Mode.ToString().ToLowerInvariant()}): {report.Exchanges.Count} request(s): {report.Accepted} accepted, {report.Repaired} repaired, {report.Rejected} rejected, {report.Skipped} skipped; tokens {report.PromptTokens} in + {report.CompletionTokens} out; estimated cost {report.EstimatedCost:0.####} {report.Currency}");
            return new ShardEnrichment(run.Pools, null, summary);
        }
        catch (CassetteMissingException e)
        {
            return new ShardEnrichment(null, e.Message, null);
        }
        catch (InvalidDataException e)
        {
            return new ShardEnrichment(null, e.Message, null);
        }
    }
}
