using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>The JSON null.</summary>
internal sealed class PayloadNull : PayloadValue
{
    private PayloadNull()
    {
    }

    public static PayloadNull Instance { get; } = new();

    public override JsonValueKind Kind => JsonValueKind.Null;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteNullValue();

    public override bool Equals(PayloadValue? other) => other is PayloadNull;

    public override int GetHashCode() => 0;

    public override PayloadValue Clone() => this;
}
