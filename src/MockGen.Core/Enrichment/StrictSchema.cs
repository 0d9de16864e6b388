using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Enrichment;

/// <summary>
/// A target's schema in Azure OpenAI's strict structured-output subset, ready to send as
/// <c>response_format: {type: "json_schema", json_schema: {name: Name, schema: Json, strict: true}}</c>,
/// with what <see cref="StrictAnswer"/> needs to map the model's answer back to the contract's shape.
/// Immutable; built by <see cref="StrictSchemaTransform"/>.
/// </summary>
public sealed class StrictSchema
{
    internal StrictSchema(
        string targetId,
        PayloadDirection direction,
        string name,
        string json,
        string? rootProperty,
        int? listCount,
        IReadOnlyList<StrictSchemaNote> notes,
        IReadOnlyList<StrictSubsetViolation> violations,
        StrictShape shape,
        IReadOnlyDictionary<string, StrictShape> definitions)
    {
        TargetId = targetId;
        Direction = direction;
        Name = name;
        Json = json;
        var bytes = Encoding.UTF8.GetBytes(json);
        Utf8 = bytes;
        Sha256 = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        RootProperty = rootProperty;
        ListCount = listCount;
        Notes = notes;
        Violations = violations;
        Shape = shape;
        Definitions = definitions;
    }

    /// <summary>The target this schema was built for (its <c>ContractTarget.Id</c>).</summary>
    public string TargetId { get; }

    /// <summary>The direction applied: requests have no <c>readOnly</c> properties, responses no <c>writeOnly</c> ones.</summary>
    public PayloadDirection Direction { get; }

    /// <summary>The <c>json_schema.name</c> to send: the target's name reduced to <c>[A-Za-z0-9_-]</c>, at most 64 characters.</summary>
    public string Name { get; }

    /// <summary>The schema as compact JSON text, keys in a fixed order (output follows schema order, so the bytes matter).</summary>
    public string Json { get; }

    /// <summary>The UTF-8 bytes of <see cref="Json"/>; hashed into <see cref="Sha256"/>.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of <see cref="Utf8"/>, for cassette keys and provenance.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// When the target is not a plain object (an array, a string, a nullable object, a choice), the strict root
    /// wraps it as <c>{"type":"object","properties":{RootProperty: …},"required":[RootProperty],"additionalProperties":false}</c>
    /// and this names the wrapping property (<c>value</c> by default); null when the root is the target itself.
    /// <see cref="StrictAnswer.ToPayload"/> unwraps it.
    /// </summary>
    public string? RootProperty { get; }

    /// <summary>
    /// For a list schema (<see cref="StrictSchemaTransform.TransformList"/>), how many payloads were asked for: the
    /// root is <c>{"payloads": [target, …]}</c> (<see cref="RootProperty"/> names the property) and
    /// <see cref="StrictAnswer.ToPayloads"/> reads it. Null for a single-payload schema.
    /// </summary>
    public int? ListCount { get; }

    /// <summary>What the transform approximated, in the order met; the gate still enforces the original contract.</summary>
    public IReadOnlyList<StrictSchemaNote> Notes { get; }

    /// <summary>
    /// Why the schema is outside the subset's limits (too many properties, too deep...): empty when it can be sent.
    /// When not empty, do not send it: fall back to deterministic generation for this target.
    /// </summary>
    public IReadOnlyList<StrictSubsetViolation> Violations { get; }

    /// <summary>Whether the schema can be sent (<see cref="Violations"/> is empty).</summary>
    public bool IsWithinSubset => Violations.Count == 0;

    internal StrictShape Shape { get; }

    internal IReadOnlyDictionary<string, StrictShape> Definitions { get; }

    /// <summary>Parses <see cref="Json"/> (a fresh element each call).</summary>
    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(Json, new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Sha256})";
}
