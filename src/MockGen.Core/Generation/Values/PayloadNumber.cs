using System.Text.Json;
using MockGen.Core.Generation.Numbers;

namespace MockGen.Core.Generation.Values;

/// <summary>A generated number, kept as its exact literal so no binary rounding reaches the payload.</summary>
internal sealed class PayloadNumber : PayloadValue
{
    public PayloadNumber(ExactDecimal value)
    {
        var normalized = value.Normalize();
        Value = normalized;
        Literal = normalized.ToString();
    }

    public PayloadNumber(string literal)
    {
        Literal = literal;
        Value = ExactDecimal.TryParse(literal, out var parsed) ? parsed : null;
    }

    public string Literal { get; }

    /// <summary>The exact value, or null for a literal beyond the exact range (e.g. 1e999).</summary>
    public ExactDecimal? Value { get; }

    public override JsonValueKind Kind => JsonValueKind.Number;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(Literal, skipInputValidation: true);

    public override bool Equals(PayloadValue? other) => other is PayloadNumber n
        && (Value is { } a && n.Value is { } b ? a == b : string.Equals(Literal, n.Literal, StringComparison.Ordinal));

    public override int GetHashCode() => Value is { } v ? v.GetHashCode() : StringComparer.Ordinal.GetHashCode(Literal);

    public override PayloadValue Clone() => this;
}
