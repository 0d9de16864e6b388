using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>A generated string.</summary>
internal sealed class PayloadString(string value) : PayloadValue
{
    public string Value { get; } = value;

    public override JsonValueKind Kind => JsonValueKind.String;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteStringValue(Value);

    public override bool Equals(PayloadValue? other) => other is PayloadString s && string.Equals(Value, s.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override PayloadValue Clone() => this;
}
