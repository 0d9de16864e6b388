using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace MockGen.Core.Json;

/// <summary>
/// Exact comparisons of JSON numbers. The common case (short decimal text) runs on <see cref="decimal"/>
/// without allocating; anything longer or with an exponent falls back to <see cref="ExactNumber"/>.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>Reads the number's decimal value when its text is short and has no exponent (exact).</summary>
    public static bool TryGetExactDecimal(JsonElement number, out decimal value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        return TryGetExactDecimal(raw, out value);
    }

    /// <summary>Reads a decimal from number text when that is exact.</summary>
    public static bool TryGetExactDecimal(ReadOnlySpan<byte> raw, out decimal value)
    {
        // 27 characters hold at most 26 digits: always exact in decimal's 96-bit mantissa.
        if (raw.Length <= 27 && raw.IndexOfAny((byte)'e', (byte)'E') < 0 &&
            Utf8Parser.TryParse(raw, out value, out var consumed) && consumed == raw.Length)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The exact value of a JSON number element.</summary>
    public static ExactNumber GetExact(JsonElement number)
    {
        if (!ExactNumber.TryParse(JsonMarshal.GetRawUtf8Value(number), out var value))
        {
            throw new FormatException("Not a JSON number.");
        }

        return value;
    }

    /// <summary>Compares two JSON number elements by value.</summary>
    public static int Compare(JsonElement a, JsonElement b)
    {
        if (TryGetExactDecimal(a, out var da) && TryGetExactDecimal(b, out var db))
        {
            return da.CompareTo(db);
        }

        var ea = GetExact(a);
        var eb = GetExact(b);
        return ExactNumber.Compare(ea, eb);
    }

    /// <summary>Compares a JSON number element with a compiled limit.</summary>
    public static int Compare(JsonElement instance, NumberLimit limit)
    {
        if (limit.Decimal is { } dl && TryGetExactDecimal(instance, out var di))
        {
            return di.CompareTo(dl);
        }

        var e = GetExact(instance);
        return ExactNumber.Compare(e, limit.Exact);
    }

    /// <summary>Whether a number has no fractional part (1.0 counts as an integer).</summary>
    public static bool IsInteger(JsonElement number)
    {
        if (TryGetExactDecimal(number, out var d))
        {
            return decimal.Truncate(d) == d;
        }

        return GetExact(number).IsInteger;
    }

    /// <summary>Whether a number's source text is written as an integer (no fraction, no exponent): draft-04's rule.</summary>
    public static bool IsIntegerLiteral(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        return raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
    }

    /// <summary>Whether a number is an exact multiple of a compiled divisor.</summary>
    public static bool IsMultipleOf(JsonElement number, NumberLimit divisor)
    {
        if (divisor.Decimal is { } dd && TryGetExactDecimal(number, out var d))
        {
            try
            {
                return d % dd == 0;
            }
            catch (OverflowException)
            {
                // fall through to the exact path
            }
        }

        return GetExact(number).IsMultipleOf(divisor.Exact);
    }
}
