using System.Text.Json;

namespace MockGen.Core.Json;

/// <summary>
/// A numeric keyword value (a bound or a <c>multipleOf</c>), compiled once: the exact value, its decimal
/// when that is exact, and the nearest double for generators that work in floating point.
/// </summary>
internal sealed class NumberLimit
{
    private NumberLimit(ExactNumber exact, decimal? value, double asDouble, string text)
    {
        Exact = exact;
        Decimal = value;
        Double = asDouble;
        Text = text;
    }

    /// <summary>The exact value.</summary>
    public ExactNumber Exact { get; }

    /// <summary>The value as a decimal, when exact; otherwise null.</summary>
    public decimal? Decimal { get; }

    /// <summary>The nearest double.</summary>
    public double Double { get; }

    /// <summary>The number as written in the schema (for messages).</summary>
    public string Text { get; }

    /// <summary>Whether the value is an integer.</summary>
    public bool IsInteger => Exact.IsInteger;

    /// <summary>Compiles a JSON number element.</summary>
    public static NumberLimit FromElement(JsonElement number)
    {
        var exact = JsonNumbers.GetExact(number);
        decimal? dec = JsonNumbers.TryGetExactDecimal(number, out var d) ? d : exact.ToDecimal();
        return new NumberLimit(exact, dec, exact.ToDouble(), number.GetRawText());
    }

    /// <summary>Builds a limit from a decimal (used for dialect-implied bounds such as int32).</summary>
    public static NumberLimit FromDecimal(decimal value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _ = ExactNumber.TryParse(text, out var exact);
        return new NumberLimit(exact, value, (double)value, text);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
