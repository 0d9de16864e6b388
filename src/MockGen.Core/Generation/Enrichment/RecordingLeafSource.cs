using System.Text.Json;
using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// The planner's probe: passes every request to the realism source and records the free string leaves it had no
/// opinion on, plus the leaf property names per object (the siblings a prompt gives as context). Single-threaded.
/// </summary>
internal sealed class RecordingLeafSource : ILeafValueSource
{
    private readonly ILeafValueSource _inner;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, LeafRequest> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _siblings = new(StringComparer.Ordinal);

    public RecordingLeafSource(ILeafValueSource inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public object? BeginRecord(Prng rng) => _inner.BeginRecord(rng);

    public bool TryNumber(LeafRequest request, Prng rng, out ExactDecimal value)
    {
        NoteSibling(request);
        return _inner.TryNumber(request, rng, out value);
    }

    public bool TryString(LeafRequest request, Prng rng, out string value)
    {
        NoteSibling(request);
        var answered = _inner.TryString(request, rng, out value);
        if (!answered && EnrichedLeafSource.IsFree(request))
        {
            var path = FieldPath.Of(request);
            // The walker reuses its schema lists once the value is built (issue 9): what is kept is copied.
            if (_fields.TryAdd(path, request with { Schemas = request.Schemas is { } schemas ? [.. schemas] : null }))
            {
                _order.Add(path);
            }
        }

        return answered;
    }

    public IReadOnlyList<EnrichmentField> Fields()
    {
        var fields = new List<EnrichmentField>(_order.Count);
        foreach (var path in _order)
        {
            var request = _fields[path];
            var schemas = request.Schemas ?? [];
            var examples = new List<string>();
            foreach (var schema in schemas)
            {
                var candidates = schema.Examples.Count > 0 ? schema.Examples : schema.Example is { } one ? [one] : [];
                examples.AddRange(candidates.Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }

            var siblings = _siblings.TryGetValue(FieldPath.FromPointer(request.ParentPointer), out var names)
                ? names.Where(n => n != request.PropertyName).ToList()
                : [];
            fields.Add(new EnrichmentField(
                path,
                request.MapEntry ? null : request.PropertyName,
                schemas.Select(s => s.Title).FirstOrDefault(t => t is not null),
                schemas.Select(s => s.Description).FirstOrDefault(d => d is not null),
                [.. examples.Distinct(StringComparer.Ordinal)],
                request.MinLength,
                request.MaxLength,
                siblings));
        }

        return fields;
    }

    private void NoteSibling(LeafRequest request)
    {
        // A map's random keys are no context (its field is the map itself).
        if (request.PropertyName is not { } name || request.MapEntry)
        {
            return;
        }

        var parent = FieldPath.FromPointer(request.ParentPointer);
        if (!_siblings.TryGetValue(parent, out var names))
        {
            _siblings[parent] = names = [];
        }

        if (!names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }
}
