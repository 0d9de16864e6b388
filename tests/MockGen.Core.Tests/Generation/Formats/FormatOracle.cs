using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MockGen.Core.Generation.Patterns;

namespace MockGen.Core.Tests.Generation.Formats;

/// <summary>
/// Independent format checks written from the RFC grammars, not from the generator, so a generator bug cannot
/// hide behind its own assumptions.
/// </summary>
internal static class FormatOracle
{
    private static readonly Regex s_dateTime = new(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);
    private static readonly Regex s_time = new(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$", RegexOptions.CultureInvariant);

    // RFC 3339 Appendix A, dur-* rules.
    private static readonly Regex s_duration = new(
        @"^P(?:\d+W|(?:(?:\d+Y(?:\d+M(?:\d+D)?)?|\d+M(?:\d+D)?|\d+D)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)))$",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_asciiLabel = new("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_dotAtom = new(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_ipv4 = new(@"^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$", RegexOptions.CultureInvariant);
    private static readonly Regex s_uriChars = new(@"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_scheme = new("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant);
    private static readonly Regex s_template = new(@"^(?:[^{}\s]|\{[+#./;?&]?[A-Za-z0-9_]+\*?(?:,[A-Za-z0-9_]+\*?)*\})*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_decimal = new(@"^-?[0-9]+(?:\.[0-9]+)?$", RegexOptions.CultureInvariant);
    // ajv-formats' "url" reading, simplified: http(s), a dotted host with a letter TLD, an optional path.
    private static readonly Regex s_url = new(@"^https?://(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:[/?#]\S*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_e164 = new(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_hexColor = new("^#(?:[0-9a-f]{3}|[0-9a-f]{6})$", RegexOptions.CultureInvariant);
    private static readonly Regex s_pointer = new("^(?:/(?:[^~/]|~[01])*)*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_relativePointer = new("^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~[01])*)*)$", RegexOptions.CultureInvariant);

    public static bool IsValid(string format, string value) => format switch
    {
        "date-time" => IsDateTime(value),
        "date" => DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "time" => s_time.IsMatch(value),
        "duration" => s_duration.IsMatch(value),
        "email" => IsEmail(value, international: false),
        "idn-email" => IsEmail(value, international: true),
        "hostname" => IsHostname(value, international: false),
        "idn-hostname" => IsHostname(value, international: true),
        "ipv4" => s_ipv4.IsMatch(value),
        "ipv6" => !value.Contains('.', StringComparison.Ordinal) && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6,
        "uri" => IsUri(value, international: false, relative: false),
        "iri" => IsUri(value, international: true, relative: false),
        "uri-reference" => IsUri(value, international: false, relative: true),
        "iri-reference" => IsUri(value, international: true, relative: true),
        "uuid" => Guid.TryParseExact(value, "D", out _) && value[14] == '4' && "89ab".Contains(value[19], StringComparison.Ordinal),
        "uri-template" => s_template.IsMatch(value),
        "json-pointer" => s_pointer.IsMatch(value),
        "relative-json-pointer" => s_relativePointer.IsMatch(value),
        "regex" => PatternGenerator.Analyze(value).IsSupported && IsNetRegex(value),
        "int32" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "int64" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "float" or "double" => s_decimal.IsMatch(value),
        "byte" => value.Length % 4 == 0 && Convert.TryFromBase64String(value, new byte[value.Length], out _),
        "binary" or "password" => true,
        "url" => s_url.IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _),
        "phone" or "phone-number" => s_e164.IsMatch(value),
        "color" => s_hexColor.IsMatch(value),
        "host-name" or "domain" or "fqdn" => IsHostname(value, international: false) && value.Contains('.', StringComparison.Ordinal),
        "ip-address" => s_ipv4.IsMatch(value),
        _ => throw new ArgumentException($"no oracle for {format}", nameof(format)),
    };

    private static bool IsDateTime(string value)
    {
        var match = s_dateTime.Match(value);
        if (!match.Success)
        {
            return false;
        }

        var parts = Enumerable.Range(1, 6).Select(i => int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        return parts[1] is >= 1 and <= 12 && parts[2] >= 1 && parts[2] <= DateTime.DaysInMonth(parts[0], parts[1])
            && parts[3] <= 23 && parts[4] <= 59 && parts[5] <= 59;
    }

    private static bool IsEmail(string value, bool international)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || value.Length > 254)
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        var localOk = international
            ? s_dotAtom.IsMatch(new string(local.Select(c => c > 127 ? 'a' : c).ToArray()))
            : s_dotAtom.IsMatch(local);
        return localOk && System.Text.Encoding.UTF8.GetByteCount(local) <= 64 && IsHostname(domain, international);
    }

    private static bool IsHostname(string value, bool international)
    {
        if (value.Length == 0 || value.Length > 253)
        {
            return false;
        }

        return value.Split('.').All(label =>
            s_asciiLabel.IsMatch(label)
            || (international && label.Length is > 0 and <= 63 && label.EnumerateRunes().All(Rune.IsLetterOrDigit) && label.Any(c => c > 127)));
    }

    private static bool IsUri(string value, bool international, bool relative)
    {
        var ascii = international ? new string(value.Where(c => c < 128).ToArray()) : value;
        if (!s_uriChars.IsMatch(ascii))
        {
            return false;
        }

        if (!relative)
        {
            return s_scheme.IsMatch(value) && System.Uri.TryCreate(value, UriKind.Absolute, out _);
        }

        return System.Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _);
    }

    private static bool IsNetRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.ECMAScript);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
