using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>A generated boolean.</summary>
internal sealed class PayloadBoolean : PayloadValue
{
    private PayloadBoolean(bool value) => Value = value;

    public static PayloadBoolean True { get; } = new(true);

    public static PayloadBoolean False { get; } = new(false);

    public bool Value { get; }

    public override JsonValueKind Kind => Value ? JsonValueKind.True : JsonValueKind.False;

    public static PayloadBoolean Of(bool value) => value ? True : False;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteBooleanValue(Value);

    public override bool Equals(PayloadValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => Value ? 1 : 2;

    public override PayloadValue Clone() => this;
}
