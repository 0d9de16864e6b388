using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>
/// A generated JSON value. A payload is built as this small tree (not a JsonDocument) so that
/// constraints spanning siblings (uniqueItems, contains, dependentRequired) can be checked and the
/// negative variant can change exactly one node; it is written once, straight to a Utf8JsonWriter.
/// </summary>
internal abstract class PayloadValue : IEquatable<PayloadValue>
{
    public abstract JsonValueKind Kind { get; }

    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>JSON equality as JSON Schema defines it: numbers by value, objects regardless of member order.</summary>
    public abstract bool Equals(PayloadValue? other);

    public override bool Equals(object? obj) => obj is PayloadValue other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>A deep copy, for mutations that must not touch the original.</summary>
    public abstract PayloadValue Clone();

    /// <summary>Converts a schema literal (enum member, const, example, default) into a value.</summary>
    public static PayloadValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => PayloadObject.FromElement(element),
        JsonValueKind.Array => PayloadArray.FromElement(element),
        JsonValueKind.String => new PayloadString(element.GetString()!),
        JsonValueKind.Number => new PayloadNumber(element.GetRawText()),
        JsonValueKind.True => PayloadBoolean.True,
        JsonValueKind.False => PayloadBoolean.False,
        _ => PayloadNull.Instance,
    };
}
