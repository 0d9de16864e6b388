using System.Collections.Concurrent;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Storage.Engine;

/// <summary>
/// The shard-generation seam implemented by Core's <see cref="DatasetGenerator"/> (every payload passes the
/// validator gate). Loaded contracts are cached by version, so a run's shards load their contract once.
/// </summary>
/// <remarks>
/// A shard is <see cref="GenerationOptions.FirstIndex"/> .. + Count of one target and variant; the generator derives
/// each payload from its own index, so a shard equals that slice of a single full run, byte for byte.
/// </remarks>
public sealed class CoreShardGenerator : IShardGenerator
{
    private const int CacheLimit = 16;
    private readonly ContractLoader _loader;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Contract>> _contracts = new(StringComparer.Ordinal);

    /// <summary>Creates the generator. <paramref name="time"/> only times summaries; it never shapes payloads.</summary>
    public CoreShardGenerator(TimeProvider time, ContractLoaderOptions? options = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loader = new ContractLoader(options);
    }

    /// <inheritdoc/>
    public string GeneratorVersion => Core.Generation.GeneratorVersion.Value;

    /// <inheritdoc/>
    public ShardGenerationResult Generate(ShardGenerationRequest request, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (!GenerationVariantNames.TryParse(request.Variant, out var variant))
        {
            return new ShardGenerationResult(0, $"variant '{request.Variant}' is unknown");
        }

        if (variant == GenerationVariant.Coverage)
        {
            // A coverage set is chosen over the whole target; an index range of it means nothing.
            return new ShardGenerationResult(0, "variant 'coverage' is one set per target and cannot be split into shards; generate it with mockgen generate --variant coverage");
        }

        var contract = Load(request);
        if (contract.FindTarget(request.TargetId) is not { } target)
        {
            return new ShardGenerationResult(0, $"{request.TargetId}: not a target of {request.ContractName}@{request.ContractVersion}");
        }

        var options = new GenerationOptions
        {
            Seed = request.Seed,
            FirstIndex = request.StartIndex,
            Count = request.Count,
            Variants = [variant],
            Tenant = request.Tenant,
            Environment = request.Environment,
            TestRunId = request.RunId,
            TimeProvider = _time,
            Enrichment = request.Enrichment,
        };
        if (request.Locale is not null)
        {
            options.Locale = request.Locale;
        }

        if (request.Realism is not null && Core.Generation.Realism.RealismProfile.TryParseLevel(request.Realism, out var level))
        {
            options.Realism = level;
        }

        TargetRunSummary summary;
        using (var writer = new DatasetWriter(output, OutputFormat.Ndjson))
        {
            try
            {
                summary = new DatasetGenerator(options).Generate(contract, [target], writer, progress: null, cancellationToken)[0];
            }
            catch (GenerationException e)
            {
                return new ShardGenerationResult(0, e.Message);
            }

            writer.Complete();
        }

        // A failing index never costs the shard its good payloads: they are kept, and the failures reported beside them.
        // Only a shard with no payload at all (an unsatisfiable, invalid or hopeless target) is a failed shard.
        if (summary.Failure is { } failure && summary.Generated == 0)
        {
            return new ShardGenerationResult(0, failure.Describe());
        }

        return new ShardGenerationResult((int)summary.Generated, null)
        {
            Failed = (int)summary.Failed,
            FailedIndexes = [.. summary.Failures.Select(f => f.Describe())],
        };
    }

    private Contract Load(ShardGenerationRequest request)
    {
        if (_contracts.Count > CacheLimit)
        {
            _contracts.Clear();
        }

        var content = request.Contract;
        return _contracts.GetOrAdd(request.ContractVersion + "|" + request.ContractName, _ => new Lazy<Contract>(() => _loader.Load(request.ContractName, content))).Value;
    }
}
