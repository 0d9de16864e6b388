using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>
/// Builds an answer that satisfies a strict <c>response_format</c> schema, deterministically from a seed: what a
/// well-behaved model would send. It also reads the constraints the transform wrote into descriptions
/// (<c>Constraints: maxLength: 3; format: email.</c>) and the property names, so answers look plausible and
/// usually pass MockGen's gate too (patterns are not generated; the gate's repair handles those).
/// </summary>
internal sealed partial class FakeAnswerGenerator
{
    private const int MaxDepth = 12;

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"];
    private static readonly string[] Cities = ["Lisbon", "Utrecht", "Tampere", "Ghent", "Bologna", "Kraków"];
    private static readonly string[] Words = ["amber", "harbor", "quartz", "meadow", "signal", "copper", "lantern", "orbit", "summit", "willow"];
    private static readonly string[] Countries = ["DE", "FR", "NL", "PT", "FI", "IT"];

    private readonly JsonElement _root;
    private readonly SplitMix64 _random;
    private readonly bool _pii;
    private int _piiIndex;

    public FakeAnswerGenerator(JsonElement schema, ulong seed, bool pii = false)
    {
        _root = schema;
        _random = new SplitMix64(seed);
        _pii = pii;
    }

    /// <summary>An answer for the root schema.</summary>
    public JsonNode? Generate() => Value(_root, null, 0);

    private JsonNode? Value(JsonElement schema, string? name, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Value(Resolve(reference.GetString()!), name, depth + 1);
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var branches = anyOf.EnumerateArray().ToList();
            // Deep down, prefer null (ends recursion); otherwise prefer a real value most of the time.
            var nullBranch = branches.FindIndex(IsNullOnly);
            if (nullBranch >= 0 && (depth > MaxDepth / 2 || _random.Below(4) == 0))
            {
                return null;
            }

            var candidates = branches.Where(b => !IsNullOnly(b)).ToList();
            return candidates.Count == 0 ? null : Value(candidates[_random.Below(candidates.Count)], name, depth + 1);
        }

        var types = Types(schema);
        if (types.Contains("null") && (types.Count == 1 || depth > MaxDepth / 2 || _random.Below(4) == 0))
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var options = values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).ToList();
            return options.Count == 0 ? null : JsonNode.Parse(options[_random.Below(options.Count)].GetRawText());
        }

        var type = types.FirstOrDefault(t => t != "null") ?? "string";
        var hints = Hints(schema);
        return type switch
        {
            "object" => Object(schema, depth),
            "array" => Array(schema, name, hints, depth),
            "integer" => JsonValue.Create(Integer(hints)),
            "number" => JsonValue.Create(Number(hints)),
            "boolean" => JsonValue.Create(_random.Below(2) == 0),
            _ => JsonValue.Create(Text(name, hints, schema)),
        };
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Value(property.Value, property.Name, depth + 1);
            }
        }

        return result;
    }

    private JsonArray Array(JsonElement schema, string? name, Dictionary<string, string> hints, int depth)
    {
        var min = hints.TryGetValue("minItems", out var minText) ? int.Parse(minText, CultureInfo.InvariantCulture) : 1;
        var max = hints.TryGetValue("maxItems", out var maxText) ? int.Parse(maxText, CultureInfo.InvariantCulture) : Math.Max(min, 3);
        var count = depth > MaxDepth ? Math.Min(min, max) : (int)_random.Between(Math.Min(min, max), Math.Min(max, min + 2));
        var result = new JsonArray();
        for (var i = 0; i < count && schema.TryGetProperty("items", out var items); i++)
        {
            result.Add(Value(items, Singular(name), depth + 1));
        }

        return result;
    }

    private long Integer(Dictionary<string, string> hints)
    {
        var (min, max) = Bounds(hints, 1, 1000);
        return _random.Between((long)Math.Ceiling(min), (long)Math.Floor(max));
    }

    private decimal Number(Dictionary<string, string> hints)
    {
        var (min, max) = Bounds(hints, 1, 1000);
        if (hints.TryGetValue("multipleOf", out var stepText) && decimal.TryParse(stepText, CultureInfo.InvariantCulture, out var step) && step > 0)
        {
            var low = (long)Math.Ceiling(min / step);
            var high = (long)Math.Floor(max / step);
            return _random.Between(low, Math.Max(low, Math.Min(high, low + 100_000))) * step;
        }

        return Math.Round(min + ((max - min) * (decimal)(_random.Next() % 10_000) / 10_000m), 2);
    }

    private static (decimal Min, decimal Max) Bounds(Dictionary<string, string> hints, decimal defaultMin, decimal defaultMax)
    {
        var min = defaultMin;
        var max = defaultMax;
        if (Read(hints, "minimum") is { } minimum)
        {
            min = minimum;
        }

        if (Read(hints, "exclusiveMinimum") is { } exclusiveMinimum)
        {
            min = exclusiveMinimum + 1;
        }

        if (Read(hints, "maximum") is { } maximum)
        {
            max = maximum;
        }

        if (Read(hints, "exclusiveMaximum") is { } exclusiveMaximum)
        {
            max = exclusiveMaximum - 1;
        }

        if (max < min)
        {
            max = min + (defaultMax - defaultMin);
        }

        return (min, Math.Min(max, min + 1_000_000));
    }

    private static decimal? Read(Dictionary<string, string> hints, string key) =>
        hints.TryGetValue(key, out var text) && decimal.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private string Text(string? name, Dictionary<string, string> hints, JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : hints.GetValueOrDefault("format");
        var key = (name ?? string.Empty).ToLowerInvariant();
        if (_pii && format is null or "email")
        {
            return Pii(key);
        }

        var first = _random.Pick(FirstNames);
        var last = _random.Pick(LastNames);
        var text = format switch
        {
            "date-time" => Date().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "date" => Date().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => Date().ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "uuid" => Uuid(),
            "email" or "idn-email" => $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.com",
            "uri" or "url" or "uri-reference" or "iri" or "iri-reference" => $"https://example.com/{_random.Pick(Words)}/{_random.Between(1, 9999)}",
            "uri-template" => $"https://example.com/{_random.Pick(Words)}/{{id}}",
            "hostname" or "idn-hostname" => $"{_random.Pick(Words)}.example.com",
            "json-pointer" => $"/{_random.Pick(Words)}/{_random.Between(0, 9)}",
            "relative-json-pointer" => $"{_random.Between(0, 3)}/{_random.Pick(Words)}",
            "regex" => "^[a-z]+$",
            "ipv4" => $"192.0.2.{_random.Between(1, 254)}",
            "ipv6" => $"2001:db8::{_random.Between(1, 65535):x}",
            "duration" => $"PT{_random.Between(1, 59)}M",
            _ => null,
        };
        text ??= key switch
        {
            _ when key.Contains("email", StringComparison.Ordinal) => $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.com",
            _ when key.Contains("phone", StringComparison.Ordinal) => $"+1555555{_random.Between(100, 199)}",
            _ when key.Contains("country", StringComparison.Ordinal) => _random.Pick(Countries),
            _ when key.Contains("city", StringComparison.Ordinal) => _random.Pick(Cities),
            _ when key.Contains("iban", StringComparison.Ordinal) => "DE89370400440532013000",
            _ when key is "id" || key.EndsWith("_id", StringComparison.Ordinal) || key.EndsWith("Id", StringComparison.Ordinal) => Uuid(),
            _ when key.Contains("name", StringComparison.Ordinal) => $"{first} {last}",
            _ when key.Contains("description", StringComparison.Ordinal) || key.Contains("note", StringComparison.Ordinal) =>
                $"{Capitalize(_random.Pick(Words))} {_random.Pick(Words)} for {first} {last}.",
            _ => $"{_random.Pick(Words)}-{_random.Pick(Words)}",
        };

        var minLength = hints.TryGetValue("minLength", out var minText) ? int.Parse(minText, CultureInfo.InvariantCulture) : 0;
        var maxLength = hints.TryGetValue("maxLength", out var maxText) ? int.Parse(maxText, CultureInfo.InvariantCulture) : int.MaxValue;
        var pattern = schema.TryGetProperty("pattern", out var p) ? p.GetString() : hints.GetValueOrDefault("pattern");
        if (format is null && pattern is not null && FromPattern(pattern, minLength, maxLength) is { } matching)
        {
            return matching;
        }
        while (text.Length < minLength)
        {
            text += _random.Pick(Words);
        }

        return text.Length > maxLength ? text[..maxLength] : text;
    }

    // Free-text strings get real-looking personal data: the field's own kind when its name says it, else the
    // next value of every kind in turn, so one answer carries emails, cards, phones and IBANs.
    private string Pii(string key) => key switch
    {
        _ when key.Contains("email", StringComparison.Ordinal) => FakePii.Emails[_piiIndex++ % FakePii.Emails.Count],
        _ when key.Contains("card", StringComparison.Ordinal) || key.Contains("pan", StringComparison.Ordinal) || key == "number" =>
            FakePii.CardNumbers[_piiIndex++ % FakePii.CardNumbers.Count],
        _ when key.Contains("phone", StringComparison.Ordinal) => FakePii.Phones[_piiIndex++ % FakePii.Phones.Count],
        _ when key.Contains("iban", StringComparison.Ordinal) => FakePii.Ibans[_piiIndex++ % FakePii.Ibans.Count],
        _ => FakePii.All[_piiIndex++ % FakePii.All.Count],
    };

    /// <summary>A string matching an ECMA-style pattern (Fare's Xeger, seeded from this generator), or null when it cannot make one.</summary>
    private string? FromPattern(string pattern, int minLength, int maxLength)
    {
        Regex check;
        try
        {
            check = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Fare reads anchors as literals: strip the outer ones (the check above still applies them).
        var body = pattern.StartsWith('^') ? pattern[1..] : pattern;
        body = body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal) ? body[..^1] : body;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            try
            {
#pragma warning disable CA5394 // Xeger needs a System.Random: seeded from this generator, so answers stay deterministic.
                var candidate = new Fare.Xeger(body, new Random((int)(_random.Next() & int.MaxValue))).Generate();
#pragma warning restore CA5394
                if (candidate.Length >= minLength && candidate.Length <= maxLength && check.IsMatch(candidate))
                {
                    return candidate;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
            {
                return null;
            }
        }

        return null;
    }

    private DateTime Date() =>
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.Between(0, (365 * 2 * 86_400) - 1));

    private string Uuid()
    {
        var hex = $"{_random.Next():x16}{_random.Next():x16}";
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..32]}";
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;

    private JsonElement Resolve(string reference)
    {
        if (reference == "#")
        {
            return _root;
        }

        var name = reference["#/$defs/".Length..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        return _root.GetProperty("$defs").GetProperty(name);
    }

    private static bool IsNullOnly(JsonElement schema) => Types(schema) is [ "null" ];

    private static List<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind == JsonValueKind.String ? [type.GetString()!] : [.. type.EnumerateArray().Select(t => t.GetString()!)];
    }

    /// <summary>The transform's <c>Constraints: key: value; key: value.</c> text, plus constraint keywords when present.</summary>
    private static Dictionary<string, string> Hints(JsonElement schema)
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("description", out var description) && description.GetString() is { } text &&
            ConstraintsText().Match(text) is { Success: true } match)
        {
            foreach (var part in match.Groups[1].Value.Split("; ", StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = part.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    hints.TryAdd(part[..colon], part[(colon + 2)..]);
                }
            }
        }

        foreach (var keyword in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems" })
        {
            if (schema.TryGetProperty(keyword, out var value))
            {
                hints[keyword] = value.GetRawText();
            }
        }

        return hints;
    }

    [GeneratedRegex(@"Constraints: (.*)\.$", RegexOptions.Singleline)]
    private static partial Regex ConstraintsText();
}
