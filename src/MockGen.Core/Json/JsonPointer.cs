using System.Text;

namespace MockGen.Core.Json;

/// <summary>RFC 6901 JSON Pointer helpers shared by the schema model, the validator and the generator.</summary>
internal static class JsonPointer
{
    /// <summary>Escapes one reference token (<c>~</c> to <c>~0</c>, <c>/</c> to <c>~1</c>).</summary>
    public static string EscapeToken(string token)
    {
        if (token.AsSpan().IndexOfAny('~', '/') < 0)
        {
            return token;
        }

        return token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Reverses <see cref="EscapeToken"/>.</summary>
    public static string UnescapeToken(string token)
    {
        if (!token.Contains('~', StringComparison.Ordinal))
        {
            return token;
        }

        return token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    /// <summary>Appends an unescaped token to a pointer.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + EscapeToken(token);

    /// <summary>Appends an array index to a pointer.</summary>
    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits a pointer into unescaped tokens. Returns false when the text is not a pointer
    /// (non-empty and not starting with <c>/</c>, or a <c>~</c> not followed by 0 or 1).
    /// </summary>
    public static bool TryParse(string pointer, out List<string> tokens)
    {
        tokens = [];
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var sb = new StringBuilder();
        for (var i = 1; i <= pointer.Length; i++)
        {
            if (i == pointer.Length || pointer[i] == '/')
            {
                tokens.Add(sb.ToString());
                sb.Clear();
                continue;
            }

            var c = pointer[i];
            if (c == '~')
            {
                if (i + 1 >= pointer.Length || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))
                {
                    return false;
                }

                sb.Append(pointer[i + 1] == '0' ? '~' : '/');
                i++;
                continue;
            }

            sb.Append(c);
        }

        return true;
    }

    /// <summary>Builds a pointer from unescaped tokens.</summary>
    public static string Build(IEnumerable<string> tokens)
    {
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            sb.Append('/').Append(EscapeToken(t));
        }

        return sb.ToString();
    }

    /// <summary>Encodes a pointer for use as a URI fragment (percent-encodes what a fragment cannot hold).</summary>
    public static string ToUriFragment(string pointer)
    {
        // Almost every pointer needs no escaping: return it as is rather than copying it through a builder
        // (one fragment per compiled schema node).
        if (!pointer.AsSpan().ContainsAnyExcept(FragmentSafe))
        {
            return pointer;
        }

        var sb = new StringBuilder(pointer.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(pointer))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> FragmentSafe =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~!$&'()*+,;=:@");
}
