using System.Text.Json;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// A per-property hint: <c>{"x-mockgen": {"faker": "name.firstName"}}</c> pins a faker method from
/// <see cref="FakerCatalog"/>; <c>{"x-mockgen": {"values": ["a", "b"]}}</c> pins a value list. The same shape
/// appears in a contract's <c>x-mockgen</c> and in a profile's <c>properties</c> and <c>pointers</c>.
/// <c>{"x-mockgen": {"sensitive": true}}</c> marks the field sensitive (see <see cref="SensitiveFields"/>).
/// </summary>
internal sealed class MockGenHint
{
    private MockGenHint(string? faker, IReadOnlyList<JsonElement>? values, bool sensitive = false)
    {
        Faker = faker;
        Values = values;
        Sensitive = sensitive;
    }

    /// <summary>True when the hint marks its field sensitive: always synthetic, never an example or default.</summary>
    public bool Sensitive { get; }

    /// <summary>The pinned faker method's catalog name, or null.</summary>
    public string? Faker { get; }

    /// <summary>The pinned values (detached from their document), or null.</summary>
    public IReadOnlyList<JsonElement>? Values { get; }

    /// <summary>Reads a hint; throws <see cref="RealismConfigurationException"/> naming <paramref name="pointer"/> and the rule.</summary>
    public static MockGenHint Parse(JsonElement element, string pointer, string? sourceFile = null)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // Shorthand, as json-schema-faker's x-faker allows: "x-mockgen": "name.firstName".
            return new MockGenHint(CheckFaker(element.GetString()!, pointer, sourceFile), null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RealismConfigurationException.Rule(sourceFile, pointer, $"a hint must be an object with \"faker\" and/or \"values\", or a faker name string; found {Describe(element.ValueKind)}");
        }

        string? faker = null;
        List<JsonElement>? values = null;
        bool? sensitive = null;
        foreach (var property in element.EnumerateObject())
        {
            var at = pointer + "/" + EscapePointer(property.Name);
            switch (property.Name)
            {
                case "faker":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        throw RealismConfigurationException.Rule(sourceFile, at, $"\"faker\" must be a string naming a faker method; found {Describe(property.Value.ValueKind)}");
                    }

                    faker = CheckFaker(property.Value.GetString()!, at, sourceFile);
                    break;
                case "values":
                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
                    {
                        throw RealismConfigurationException.Rule(sourceFile, at, "\"values\" must be a non-empty array");
                    }

                    values = [.. property.Value.EnumerateArray().Select(v => v.Clone())];
                    break;
                case "sensitive":
                    sensitive = property.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw RealismConfigurationException.Rule(sourceFile, at, $"\"sensitive\" must be true or false; found {Describe(property.Value.ValueKind)}"),
                    };
                    break;
                default:
                    throw RealismConfigurationException.Rule(sourceFile, at, $"unknown hint key \"{property.Name}\"; allowed keys are \"faker\", \"values\" and \"sensitive\"");
            }
        }

        if (faker is null && values is null && sensitive is null)
        {
            throw RealismConfigurationException.Rule(sourceFile, pointer, "a hint needs \"faker\", \"values\" or \"sensitive\"");
        }

        return new MockGenHint(faker, values, sensitive ?? false);
    }

    internal static string EscapePointer(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string CheckFaker(string name, string pointer, string? sourceFile)
    {
        if (!FakerCatalog.IsKnown(name))
        {
            throw RealismConfigurationException.Rule(sourceFile, pointer, $"unknown faker method \"{name}\"; known methods: {string.Join(", ", FakerCatalog.Names)}");
        }

        return FakerCatalog.Names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
