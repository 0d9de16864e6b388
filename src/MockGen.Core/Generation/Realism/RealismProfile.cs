using System.Globalization;
using System.Text.Json;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// A realism profile file: locale, time window, tenant property names and per-property hints keyed by property
/// name or instance JSON Pointer, so a contract's values can be steered without editing the contract.
/// </summary>
/// <remarks>
/// Shape: <c>{"locale": "fr", "realism": "lifelike", "timeWindow": {"start": "...", "end": "..."}, "tenantProperties": ["orgId"],
/// "properties": {"nickname": {"faker": "name.firstName"}}, "pointers": {"/items/*/status": {"values": ["ok"]}}}</c>.
/// In a pointer key, <c>*</c> matches any one segment (an array index, usually).
/// </remarks>
public sealed class RealismProfile
{
    private RealismProfile()
    {
    }

    /// <summary>The profile's locale, or null when it does not set one.</summary>
    public string? Locale { get; private init; }

    /// <summary>The profile's <c>realism</c> (<c>"synthetic"</c>, the default, or <c>"lifelike"</c>), or null when it does not set one.</summary>
    public RealismLevel? Realism { get; private init; }

    /// <summary>The start of the profile's time window, or null.</summary>
    public DateTimeOffset? TimeWindowStart { get; private init; }

    /// <summary>The end of the profile's time window, or null.</summary>
    public DateTimeOffset? TimeWindowEnd { get; private init; }

    /// <summary>Property names that carry the tenant, or null to keep the options' list.</summary>
    public IReadOnlyList<string>? TenantProperties { get; private init; }

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> of the profile's JSON text: what a stored enrichment plan records of the profile, since
    /// its hints decide which strings realism answers (a reformatted file only costs a fresh plan).
    /// </summary>
    public string Fingerprint { get; private set; } = string.Empty;

    internal IReadOnlyDictionary<string, MockGenHint> PropertyHints { get; private init; } = new Dictionary<string, MockGenHint>(StringComparer.Ordinal);

    internal IReadOnlyList<(string[] Segments, MockGenHint Hint)> PointerHints { get; private init; } = [];

    /// <summary>Reads and validates a profile file.</summary>
    /// <exception cref="RealismConfigurationException">The file cannot be read, is not JSON, or breaks a rule (named with its JSON Pointer).</exception>
    public static RealismProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw RealismConfigurationException.ProfileUnreadable(path, exception);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates profile JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="RealismConfigurationException">The text is not JSON or breaks a rule.</exception>
    public static RealismProfile Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw RealismConfigurationException.ProfileNotJson(sourceName, exception.LineNumber, exception.BytePositionInLine, exception.Message);
        }

        using (document)
        {
            var profile = FromElement(document.RootElement, sourceName);
            profile.Fingerprint = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
            return profile;
        }
    }

    private static RealismProfile FromElement(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw RealismConfigurationException.Rule(file, "", "a realism profile must be a JSON object");
        }

        string? locale = null;
        RealismLevel? realism = null;
        DateTimeOffset? start = null, end = null;
        List<string>? tenantProperties = null;
        var propertyHints = new Dictionary<string, MockGenHint>(StringComparer.Ordinal);
        var pointerHints = new List<(string[] Segments, MockGenHint Hint)>();
        foreach (var property in root.EnumerateObject())
        {
            var at = "/" + MockGenHint.EscapePointer(property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "locale":
                    locale = value.ValueKind == JsonValueKind.String && RealismOptions.NormalizeLocale(value.GetString()!) is { } normalized
                        ? normalized
                        : throw RealismConfigurationException.Rule(file, at, $"\"locale\" must be a Bogus locale such as \"en\", \"de\", \"fr\" or \"en_GB\"; found {value.GetRawText()}");
                    break;
                case "realism":
                    realism = value.ValueKind == JsonValueKind.String && TryParseLevel(value.GetString()!, out var level)
                        ? level
                        : throw RealismConfigurationException.Rule(file, at, $"\"realism\" must be \"synthetic\" (the default) or \"lifelike\"; found {value.GetRawText()}");
                    break;
                case "timeWindow":
                    (start, end) = ReadWindow(value, file, at);
                    break;
                case "tenantProperties":
                    if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0))
                    {
                        throw RealismConfigurationException.Rule(file, at, "\"tenantProperties\" must be an array of non-empty property names");
                    }

                    tenantProperties = [.. value.EnumerateArray().Select(v => v.GetString()!)];
                    break;
                case "properties":
                    foreach (var (key, hint) in ReadHints(value, file, at))
                    {
                        propertyHints[key] = hint;
                    }

                    break;
                case "pointers":
                    foreach (var (key, hint) in ReadHints(value, file, at))
                    {
                        if (key.Length > 0 && key[0] != '/')
                        {
                            throw RealismConfigurationException.Rule(file, at + "/" + MockGenHint.EscapePointer(key), $"\"{key}\" is not a JSON Pointer: it must be empty or start with '/'");
                        }

                        pointerHints.Add((SplitPointer(key), hint));
                    }

                    break;
                default:
                    throw RealismConfigurationException.Rule(file, at, $"unknown profile key \"{property.Name}\"; allowed keys are locale, realism, timeWindow, tenantProperties, properties, pointers");
            }
        }

        return new RealismProfile
        {
            Locale = locale,
            Realism = realism,
            TimeWindowStart = start,
            TimeWindowEnd = end,
            TenantProperties = tenantProperties,
            PropertyHints = propertyHints,
            PointerHints = pointerHints,
        };
    }

    /// <summary>Reads <c>synthetic</c> or <c>lifelike</c> (ordinal, lower case), the spelling profiles and the CLI use.</summary>
    public static bool TryParseLevel(string text, out RealismLevel level)
    {
        ArgumentNullException.ThrowIfNull(text);
        (var known, level) = text switch
        {
            "synthetic" => (true, RealismLevel.Synthetic),
            "lifelike" => (true, RealismLevel.Lifelike),
            _ => (false, RealismLevel.Synthetic),
        };
        return known;
    }

    private static (DateTimeOffset Start, DateTimeOffset End) ReadWindow(JsonElement value, string file, string at)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw RealismConfigurationException.Rule(file, at, "\"timeWindow\" must be an object with \"start\" and \"end\" RFC 3339 date-times");
        }

        DateTimeOffset Read(string name)
        {
            if (!value.TryGetProperty(name, out var text) || text.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                throw RealismConfigurationException.Rule(file, at + "/" + name, $"\"{name}\" must be an RFC 3339 date-time such as \"2024-01-01T00:00:00Z\"");
            }

            return instant;
        }

        var start = Read("start");
        var end = Read("end");
        if (end <= start)
        {
            throw RealismConfigurationException.Rule(file, at, "\"end\" must be after \"start\"");
        }

        return (start, end);
    }

    private static IEnumerable<(string Key, MockGenHint Hint)> ReadHints(JsonElement value, string file, string at)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw RealismConfigurationException.Rule(file, at, "hints must be an object keyed by property name or JSON Pointer");
        }

        foreach (var entry in value.EnumerateObject())
        {
            yield return (entry.Name, MockGenHint.Parse(entry.Value, at + "/" + MockGenHint.EscapePointer(entry.Name), file));
        }
    }

    internal static string[] SplitPointer(string pointer) =>
        pointer.Length == 0
            ? []
            : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>The hint for an instance: an exact or wildcard pointer entry first (the last listed wins), then the property name.</summary>
    internal MockGenHint? Find(string instancePointer, string? propertyName)
    {
        if (PointerHints.Count > 0)
        {
            var segments = SplitPointer(instancePointer);
            for (var i = PointerHints.Count - 1; i >= 0; i--)
            {
                var (pattern, hint) = PointerHints[i];
                if (pattern.Length == segments.Length && pattern.Select((p, j) => p == "*" || string.Equals(p, segments[j], StringComparison.Ordinal)).All(b => b))
                {
                    return hint;
                }
            }
        }

        return propertyName is not null && PropertyHints.TryGetValue(propertyName, out var byName) ? byName : null;
    }
}
