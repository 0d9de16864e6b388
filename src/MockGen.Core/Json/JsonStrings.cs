using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MockGen.Core.Json;

/// <summary>
/// Reads JSON string values without allocating where it can: lengths in code points and a UTF-16 view
/// for regexes and format checks, straight from the document's UTF-8 bytes when the string has no escapes.
/// </summary>
internal static class JsonStrings
{
    /// <summary>A callback over the characters of a string value.</summary>
    public delegate bool SpanPredicate<TState>(ReadOnlySpan<char> value, TState state);

    /// <summary>The string's length in Unicode code points (what minLength/maxLength count).</summary>
    public static int CodePointLength(JsonElement s)
    {
        var raw = JsonMarshal.GetRawUtf8Value(s);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in raw)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        var str = s.GetString()!;
        var n = 0;
        foreach (var unused in str.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    /// <summary>Runs <paramref name="predicate"/> over the string's UTF-16 characters, allocating only for long or escaped strings.</summary>
    public static bool Test<TState>(JsonElement s, TState state, SpanPredicate<TState> predicate)
    {
        var raw = JsonMarshal.GetRawUtf8Value(s);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return predicate(s.GetString(), state);
        }

        if (raw.Length <= 256)
        {
            Span<char> buffer = stackalloc char[raw.Length];
            var n = Encoding.UTF8.GetChars(raw, buffer);
            return predicate(buffer[..n], state);
        }

        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var n = Encoding.UTF8.GetChars(raw, rented);
            return predicate(rented.AsSpan(0, n), state);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Whether two string elements hold the same text.</summary>
    public static bool StringEquals(JsonElement a, JsonElement b)
    {
        var ra = JsonMarshal.GetRawUtf8Value(a);
        var rb = JsonMarshal.GetRawUtf8Value(b);
        if (ra.IndexOf((byte)'\\') < 0 && rb.IndexOf((byte)'\\') < 0)
        {
            return ra.SequenceEqual(rb);
        }

        return a.ValueEquals(b.GetString());
    }
}
