using MockGen.Core.Generation.Output;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// The value pools of one target: per field path, the realistic values a provider proposed (already checked against
/// the field's own constraints and the PII guard by the host), and the provenance stamped on every payload.
/// </summary>
public sealed class TargetEnrichment
{
    private readonly Dictionary<string, string[]> _pools;

    /// <summary>Creates the pools of one target; empty value lists are dropped.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TargetEnrichment(string targetId, PayloadAiMeta ai, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> pools)
    {
        ArgumentNullException.ThrowIfNull(targetId);
        ArgumentNullException.ThrowIfNull(ai);
        ArgumentNullException.ThrowIfNull(pools);
        TargetId = targetId;
        Ai = ai;
        _pools = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (path, values) in pools)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Count > 0)
            {
                _pools[path] = [.. values];
            }
        }
    }

    /// <summary>The target id.</summary>
    public string TargetId { get; }

    /// <summary>The provenance written into <c>meta.ai</c> of this target's payloads.</summary>
    public PayloadAiMeta Ai { get; }

    /// <summary>The number of fields with a pool.</summary>
    public int FieldCount => _pools.Count;

    /// <summary>The pool of a field path (array indices as <c>*</c>), or null.</summary>
    public IReadOnlyList<string>? PoolFor(string path) => _pools.TryGetValue(path, out var pool) ? pool : null;
}
