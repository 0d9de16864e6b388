using System.CommandLine.Parsing;
using System.Globalization;

namespace MockGen.Cli.Commands;

/// <summary>
/// Checks the store options of <c>mockgen serve</c> before any Azure client is built: the Azure SDK reports a
/// mistyped account key as a bare <see cref="FormatException"/> ("not a valid Base-64 string") and a relative or
/// plain-http endpoint as an <see cref="ArgumentException"/>, which would reach the user as a stack trace
/// (issue 12). Each rule here names the option and never echoes the secret.
/// </summary>
internal static class StoreOptionChecks
{
    /// <summary>Throws a <see cref="CliException"/> when a connection string cannot be used as given.</summary>
    public static void ConnectionString(string option, string connectionString)
    {
        // Only the segments whose syntax the SDK checks eagerly; anything else it rejects is caught by the caller.
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // UseDevelopmentStorage=true and Key=Value pairs are the only shapes; a lone word is a typo.
                throw new CliException($"{option}: segment {Ordinal(connectionString, segment)} has no '=': expected Key=Value pairs separated by ';' (e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...)");
            }

            var key = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (key.Equals("AccountKey", StringComparison.OrdinalIgnoreCase) && !IsBase64(value))
            {
                throw new CliException($"{option}: AccountKey is not valid base64 (an account key is 88 characters of A-Z, a-z, 0-9, '+', '/' ending in '=='; copy it again from the storage account's Access keys)");
            }

            if (key.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase) && !IsHttpUri(value))
            {
                throw new CliException($"{option}: {key} is not an absolute http(s) URI");
            }
        }
    }

    /// <summary>
    /// Parses a service URI option. System.CommandLine has no converter for <see cref="Uri"/>: without this parser
    /// every <c>--azure-blob-uri</c>, valid or not, ended in an unhandled InvalidOperationException (issue 12).
    /// </summary>
    public static Uri? ParseUri(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        var option = (result.Parent as OptionResult)?.Option.Name ?? "uri";
        result.AddError($"{option} {text}: expected an absolute https:// URI such as https://<account>.blob.core.windows.net");
        return null;
    }

    /// <summary>Throws a <see cref="CliException"/> unless <paramref name="uri"/> is an absolute https URI (a token is never sent over plain http).</summary>
    public static void ServiceUri(string option, Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliException($"{option} {uri.OriginalString}: expected an absolute https:// URI such as https://<account>.blob.core.windows.net");
        }

        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            throw new CliException($"{option} {uri.OriginalString}: must be https: an Entra ID token is never sent over plain http");
        }
    }

    /// <summary>What the SDK still refuses after the checks above, as a user error naming the option.</summary>
    public static CliException Refused(string option, Exception exception) =>
        new($"{option}: not a usable Azure Storage connection ({exception.GetType().Name}: {exception.Message})", exception);

    private static bool IsBase64(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var buffer = new byte[((value.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Ordinal(string connectionString, string segment)
    {
        var index = Array.IndexOf(connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), segment) + 1;
        return index.ToString(CultureInfo.InvariantCulture);
    }
}
