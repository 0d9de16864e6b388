using System.Text.Json;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// A per-property hint: <c>{"x-mockgen": {"faker": "name.firstName"}}</c> pins a faker method from
/// <see cref="FakerCatalog"/>; <c>{"x-mockgen": {"values": ["a", "b"]}}</c> pins a value list. The same shape
/// appears in a contract's <c>x-mockgen</c> and in a profile's <c>properties</c> and <c>pointers</c>.
/// </summary>
internal sealed class MockGenHint
{
    private MockGenHint(string? faker, IReadOnlyList<JsonElement>? values)
    {
        Faker = faker;
        Values = values;
    }

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
                default:
                    throw RealismConfigurationException.Rule(sourceFile, at, $"unknown hint key \"{property.Name}\"; allowed keys are \"faker\" and \"values\"");
            }
        }

        if (faker is null && values is null)
        {
            throw RealismConfigurationException.Rule(sourceFile, pointer, "a hint needs \"faker\" or \"values\"");
        }

        return new MockGenHint(faker, values);
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
