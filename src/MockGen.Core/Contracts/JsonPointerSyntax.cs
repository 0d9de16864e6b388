using System.Text;
using System.Text.Json;

namespace MockGen.Core.Contracts;

/// <summary>RFC 6901 JSON Pointers: building them from segments and evaluating them against a document.</summary>
internal static class JsonPointerSyntax
{
    /// <summary>Escapes one reference token (<c>~</c> to <c>~0</c>, <c>/</c> to <c>~1</c>).</summary>
    public static string Escape(string segment) =>
        segment.Contains('~', StringComparison.Ordinal) || segment.Contains('/', StringComparison.Ordinal)
            ? segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : segment;

    /// <summary>Appends one segment to a pointer (<c>/a</c> + <c>b/c</c> = <c>/a/b~1c</c>).</summary>
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    /// <summary>Joins segments into a pointer; no segments is the empty pointer (the whole document).</summary>
    public static string Build(IEnumerable<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Percent-encodes a pointer for use as a URI fragment (RFC 6901 section 6): characters outside the
    /// fragment grammar, such as <c>{</c>, <c>}</c>, <c>%</c> and spaces, are escaped.
    /// </summary>
    public static string ToUriFragment(string pointer)
    {
        var builder = new StringBuilder(pointer.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(pointer))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes a URI fragment back to a pointer (percent-decoding only).</summary>
    public static string FromUriFragment(string fragment) => Uri.UnescapeDataString(fragment);

    /// <summary>Evaluates <paramref name="pointer"/> (without <c>#</c>) against <paramref name="root"/>.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (value.ValueKind)
            {
                case JsonValueKind.Object when value.TryGetProperty(token, out var child):
                    value = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                                              && index < value.GetArrayLength() && (token.Length == 1 || token[0] != '0'):
                    value = value[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
