using System.Text;
using System.Text.Json;

namespace MockGen.Core.Validation;

/// <summary>draft-07 content assertions: <c>contentEncoding: base64</c> and <c>contentMediaType: application/json</c>.</summary>
internal static class ContentValidator
{
    /// <summary>Whether the string decodes with the encoding and parses as the media type (unknown ones pass).</summary>
    public static bool IsValid(string value, string? encoding, string? mediaType)
    {
        byte[] bytes;
        if (string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            var buffer = new byte[((value.Length + 3) / 4) * 3];
            if (!Convert.TryFromBase64String(value, buffer, out var written))
            {
                return false;
            }

            bytes = buffer[..written];
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(value);
        }

        if (mediaType is null || !mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
