using System.Text.Json;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Leaves;

/// <summary>What the walker knows about a leaf value when it asks a source for one.</summary>
internal sealed record LeafRequest
{
    public string? PropertyName { get; init; }

    public required string InstancePointer { get; init; }

    public required string ParentPointer { get; init; }

    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public int MinLength { get; init; }

    public int? MaxLength { get; init; }

    public NumberRange? Numbers { get; init; }

    /// <summary>The <c>x-mockgen</c> hint of the leaf's schema, with its schema pointer, if any.</summary>
    public JsonElement? Hint { get; init; }

    public string? HintLocation { get; init; }

    public PayloadDirection Direction { get; init; }

    /// <summary>The coherence record of the enclosing object (from <see cref="ILeafValueSource.BeginRecord"/>).</summary>
    public object? Record { get; init; }

    /// <summary>
    /// The schemas a free string leaf must satisfy (its conjunction), set only by the walker's string builder, not
    /// when an enum asks for a coherent choice: enrichment fills only free strings and reads titles and examples here.
    /// Valid during the call only: the walker reuses the list afterwards, so a source that keeps it copies it.
    /// </summary>
    public IReadOnlyList<SchemaNode>? Schemas { get; init; }

    /// <summary>True for the value of an undeclared property (a map entry): its name is data, not meaning.</summary>
    public bool MapEntry { get; init; }
}
