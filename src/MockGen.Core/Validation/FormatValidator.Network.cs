using System.Globalization;

namespace MockGen.Core.Validation;

/// <summary>email (RFC 5321/5322 addr-spec), hostname (RFC 1123, IDNA 2008 for idn-hostname), IPv4, IPv6.</summary>
internal static partial class FormatValidator
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    private static bool IsIPv4(ReadOnlySpan<char> s)
    {
        var parts = 0;
        foreach (var range in s.Split('.'))
        {
            var part = s[range];
            parts++;
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !TryDigits(part, out var value) || value > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    private static bool IsIPv6(ReadOnlySpan<char> s)
    {
        if (s.Length < 2)
        {
            return false;
        }

        var doubleColon = s.IndexOf("::");
        if (doubleColon >= 0 && s[(doubleColon + 1)..].IndexOf("::") >= 0)
        {
            return false;
        }

        var groups = 0;
        var i = 0;
        if (s.StartsWith("::"))
        {
            i = 2;
        }
        else if (s[0] == ':')
        {
            return false;
        }

        while (i < s.Length)
        {
            var end = s[i..].IndexOf(':');
            var part = end < 0 ? s[i..] : s.Slice(i, end);
            if (part.Length == 0)
            {
                // Only legal as the second colon of "::" (already consumed) or the trailing "::".
                if (i == doubleColon + 1 || (end >= 0 && i + end == doubleColon + 1))
                {
                    i += 1;
                    continue;
                }

                return false;
            }

            if (end < 0 && part.Contains('.'))
            {
                if (!IsIPv4(part))
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (part.Length > 4)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            groups++;
            if (end < 0)
            {
                break;
            }

            i += end + 1;
            if (i == s.Length)
            {
                // A trailing single colon.
                return doubleColon >= 0 && doubleColon == s.Length - 2;
            }
        }

        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }

    private static bool IsHostname(ReadOnlySpan<char> s, bool international)
    {
        if (s.Length == 0)
        {
            return false;
        }

        if (international)
        {
            return IsIdnHostname(s);
        }

        // The suite reads RFC 1123 host names without the DNS root's trailing dot.
        if (s.Length > 253 || s[^1] == '.')
        {
            return false;
        }

        foreach (var range in s.Split('.'))
        {
            var label = s[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            // "xn--" labels must be valid punycode (A-labels); other "??--" labels are reserved (RFC 5891 §4.2.3.1).
            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) || !IsValidALabel(label.ToString()))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>draft-04/06 cite RFC 1123 alone, which allows "--" anywhere inside a label (their suite tests so).</summary>
    private static bool IsRfc1123Hostname(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 253 || s[^1] == '.')
        {
            return false;
        }

        foreach (var range in s.Split('.'))
        {
            var label = s[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsValidALabel(string label)
    {
        try
        {
            // A valid A-label decodes to a valid U-label that encodes back to itself (RFC 5891 §5.4).
            var unicode = Idn.GetUnicode(label);
            return unicode.Length > 0 && IsIdnLabel(unicode) &&
                string.Equals(Idn.GetAscii(unicode), label, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsIdnHostname(ReadOnlySpan<char> s)
    {
        // RFC 3490 §3.1: ideographic, fullwidth and halfwidth ideographic full stops separate labels too.
        var text = s.ToString().Replace('\u3002', '.').Replace('\uff0e', '.').Replace('\uff61', '.');
        if (text[^1] == '.')
        {
            return false;
        }

        foreach (var label in text.Split('.'))
        {
            if (label.Length == 0)
            {
                return false;
            }

            string ascii;
            try
            {
                ascii = Idn.GetAscii(label);
            }
            catch (ArgumentException)
            {
                return false;
            }

            if (ascii.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-' && !label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var isALabel = label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase);
            var unicode = isALabel ? SafeUnicode(label) : label;
            if (unicode is null || !IsIdnLabel(unicode) || (isALabel && !IsValidALabel(label)))
            {
                return false;
            }
        }

        // RFC 5893 §2 (Bidi rule, first condition): in a domain with right-to-left labels, no label starts with a digit.
        if (text.Any(IsRightToLeft))
        {
            foreach (var label in text.Split('.'))
            {
                if (char.IsAsciiDigit(label[0]))
                {
                    return false;
                }
            }
        }

        return Idn.GetAscii(text).Length <= 253;
    }

    private static string? SafeUnicode(string label)
    {
        try
        {
            return Idn.GetUnicode(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsRightToLeft(char c) => c is (>= '\u0590' and <= '\u08ff') or (>= '\ufb1d' and <= '\ufdff') or (>= '\ufe70' and <= '\ufeff');

    // The contextual rules of RFC 5892 appendix A that IdnMapping does not apply.
    private static bool IsIdnLabel(string label)
    {
        // RFC 5891 §4.2.3.1: "--" in the third and fourth positions is reserved.
        if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
        {
            return false;
        }

        if (label.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(label, 0) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        var hasArabicIndic = false;
        var hasExtendedArabicIndic = false;
        var hasKatakanaDot = false;
        var hasJapanese = false;
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            switch (c)
            {
                case '\u00b7': // MIDDLE DOT: only between two 'l'.
                    if (i == 0 || i == label.Length - 1 || label[i - 1] != 'l' || label[i + 1] != 'l')
                    {
                        return false;
                    }

                    break;
                case '\u0375': // GREEK KERAIA: followed by Greek.
                    if (i == label.Length - 1 || !IsGreek(label[i + 1]))
                    {
                        return false;
                    }

                    break;
                case '\u05f3' or '\u05f4': // HEBREW GERESH/GERSHAYIM: preceded by Hebrew.
                    if (i == 0 || label[i - 1] is < '\u0590' or > '\u05ff')
                    {
                        return false;
                    }

                    break;
                case '\u30fb':
                    hasKatakanaDot = true;
                    break;
                case '\u200d': // ZERO WIDTH JOINER: after a virama.
                    if (i == 0 || !IsVirama(label[i - 1]))
                    {
                        return false;
                    }

                    break;
                case '\u200c': // ZERO WIDTH NON-JOINER: after a virama, or between joining (Arabic-script) letters.
                    if (i == 0 || (!IsVirama(label[i - 1]) && !(i + 1 < label.Length && IsJoiningLetter(label[i - 1]) && IsJoiningLetter(label[i + 1]))))
                    {
                        return false;
                    }

                    break;
                case '\u0640' or '\u07fa' or '\u302e' or '\u302f' or '\u3031' or '\u3032' or '\u3033' or '\u3034' or '\u3035' or '\u303b':
                    return false;
            }

            if (c is >= '\u0660' and <= '\u0669')
            {
                hasArabicIndic = true;
            }

            if (c is >= '\u06f0' and <= '\u06f9')
            {
                hasExtendedArabicIndic = true;
            }

            if (c is (>= '\u3040' and <= '\u309f') or (>= '\u30a0' and <= '\u30ff' and not '\u30fb') or (>= '\u4e00' and <= '\u9fff'))
            {
                hasJapanese = true;
            }
        }

        return !(hasArabicIndic && hasExtendedArabicIndic) && (!hasKatakanaDot || hasJapanese);
    }

    // Approximates RFC 5892 A.1's joining-type regexp with the Arabic-script letter blocks.
    private static bool IsJoiningLetter(char c) => c is (>= '\u0620' and <= '\u064a') or (>= '\u066e' and <= '\u06d3') or (>= '\u0750' and <= '\u077f');

    private static bool IsGreek(char c) => c is (>= '\u0370' and <= '\u03ff') or (>= '\u1f00' and <= '\u1fff');

    private static bool IsVirama(char c) => c is '\u094d' or '\u09cd' or '\u0a4d' or '\u0acd' or '\u0b4d' or '\u0bcd' or '\u0c4d' or '\u0ccd' or '\u0d4d' or '\u0dca' or '\u0e3a' or '\u0f84' or '\u1039' or '\u103a' or '\u1714' or '\u1734' or '\u17d2' or '\ua806' or '\ua8c4' or '\ua953' or '\uabed';

    private static bool IsEmail(ReadOnlySpan<char> s, bool international)
    {
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1)
        {
            return false;
        }

        var local = s[..at];
        var domain = s[(at + 1)..];
        if (!IsLocalPart(local, international))
        {
            return false;
        }

        if (domain[0] == '[' && domain[^1] == ']')
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IsIPv6(literal[5..]) : IsIPv4(literal);
        }

        return IsHostname(domain, international);
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local, bool international)
    {
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            var inner = local[1..^1];
            for (var i = 0; i < inner.Length; i++)
            {
                var c = inner[i];
                if (c == '\\')
                {
                    i++;
                    if (i >= inner.Length)
                    {
                        return false;
                    }
                }
                else if (c == '"' || (c < ' ' && c != '\t') || (c > '~' && !international))
                {
                    return false;
                }
            }

            return true;
        }

        if (local[0] == '.' || local[^1] == '.' || local.IndexOf("..") >= 0)
        {
            return false;
        }

        foreach (var c in local)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c) || (international && c > '\u007f');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUri(ReadOnlySpan<char> s, bool requireScheme, bool international)
    {
        var i = 0;

        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        var colon = s.IndexOf(':');
        var firstDelimiter = s.IndexOfAny("/?#");
        var hasScheme = colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter) && char.IsAsciiLetter(s[0]);
        if (hasScheme)
        {
            for (var k = 1; k < colon; k++)
            {
                var c = s[k];
                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
                {
                    hasScheme = false;
                    break;
                }
            }
        }

        if (requireScheme && !hasScheme)
        {
            return false;
        }

        if (hasScheme)
        {
            i = colon + 1;
        }
        else if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter))
        {
            // A relative reference's first segment may not contain ':' (RFC 3986 §4.2).
            return false;
        }

        var rest = s[i..];
        var fragmentAt = rest.IndexOf('#');
        var fragment = fragmentAt >= 0 ? rest[(fragmentAt + 1)..] : default;
        rest = fragmentAt >= 0 ? rest[..fragmentAt] : rest;
        var queryAt = rest.IndexOf('?');
        var query = queryAt >= 0 ? rest[(queryAt + 1)..] : default;
        var hierarchy = queryAt >= 0 ? rest[..queryAt] : rest;

        if (hierarchy.StartsWith("//"))
        {
            var authorityEnd = hierarchy[2..].IndexOf('/');
            var authority = authorityEnd >= 0 ? hierarchy.Slice(2, authorityEnd) : hierarchy[2..];
            var path = authorityEnd >= 0 ? hierarchy[(2 + authorityEnd)..] : default;
            if (!IsAuthority(authority, international) || !AllUriChars(path, "/:@", international))
            {
                return false;
            }
        }
        else if (!AllUriChars(hierarchy, "/:@", international))
        {
            return false;
        }

        return AllUriChars(query, "/:@?", international) && AllUriChars(fragment, "/:@?", international) &&
            (fragmentAt < 0 || fragment.IndexOf('#') < 0);
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority, bool international)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!AllUriChars(authority[..at], ":", international))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> port = default;
        if (authority.Length > 0 && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            var literal = authority[1..close];
            if (!(IsIPv6(literal) || (literal.Length > 1 && (literal[0] == 'v' || literal[0] == 'V'))))
            {
                return false;
            }

            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                port = after[1..];
            }

            host = default;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
            port = colon >= 0 ? authority[(colon + 1)..] : default;
        }

        foreach (var c in port)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return AllUriChars(host, string.Empty, international);
    }

    /// <summary>unreserved / pct-encoded / sub-delims / extra (and ucschar for IRIs).</summary>
    private static bool AllUriChars(ReadOnlySpan<char> s, string extra, bool international)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' || extra.Contains(c))
            {
                continue;
            }

            if (c == '%')
            {
                if (!IsPercentEncoded(s, i))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (international && c > '\u007f' && !char.IsControl(c) && c is not ('\u200e' or '\u200f' or '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e'))
            {
                continue;
            }

            return false;
        }

        return true;
    }
}
