using System.Text.Json;
using MockGen.Core.Generation.Schemas;

namespace MockGen.Core.Generation.Walking;

/// <summary>The object keywords of a conjunction, merged: declared names, requirements, counts and dependencies.</summary>
internal sealed class ObjectShape
{
    public List<string> Declared { get; } = [];

    public List<string> Required { get; } = [];

    public int MinProperties { get; private set; }

    public string? MinPropertiesLocation { get; private set; }

    public int? MaxProperties { get; private set; }

    public List<KeyValuePair<string, List<string>>> DependentRequired { get; } = [];

    public List<KeyValuePair<string, SchemaCursor>> DependentSchemas { get; } = [];

    public List<SchemaCursor> PropertyNames { get; } = [];

    public List<string> PatternSources { get; } = [];

    public bool HasPatternProperties => PatternSources.Count > 0;

    /// <summary>Some schema forbids names beyond its properties and patterns.</summary>
    public bool AdditionalForbidden { get; private set; }

    /// <summary>Some schema gives additional properties a (non-false) schema.</summary>
    public bool AdditionalSchema { get; private set; }

    /// <summary>No schema restricts extra names, so one more property breaks only maxProperties.</summary>
    public bool AdditionalAllowedFreely { get; private set; } = true;

    public static ObjectShape Read(SchemaConjunction conjunction)
    {
        var shape = new ObjectShape();
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.TryGet("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    AddUnique(shape.Declared, property.Name);
                }
            }

            if (schema.TryGet("required", out var required) && required.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in required.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        AddUnique(shape.Required, item.GetString()!);
                    }
                }
            }

            if (schema.TryGet("minProperties", out var min) && min.TryGetDecimal(out var minValue) && minValue > shape.MinProperties)
            {
                shape.MinProperties = (int)Math.Min(minValue, 10_000);
                shape.MinPropertiesLocation = schema.Location + "/minProperties";
            }

            if (schema.TryGet("maxProperties", out var max) && max.TryGetDecimal(out var maxValue))
            {
                var capped = (int)Math.Min(maxValue, int.MaxValue);
                shape.MaxProperties = shape.MaxProperties is { } current ? Math.Min(current, capped) : capped;
            }

            if (schema.TryGet("dependentRequired", out var dependentRequired) && dependentRequired.ValueKind == JsonValueKind.Object)
            {
                ReadDependentRequired(shape, dependentRequired);
            }

            if (schema.TryGet("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
            {
                ReadDependentRequired(shape, dependencies);
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    if (schema.Child("dependencies", dependency.Name) is { } dependent)
                    {
                        shape.DependentSchemas.Add(new(dependency.Name, dependent));
                    }
                }
            }

            if (schema.TryGet("dependentSchemas", out var dependentSchemas) && dependentSchemas.ValueKind == JsonValueKind.Object)
            {
                foreach (var dependency in dependentSchemas.EnumerateObject())
                {
                    if (schema.Child("dependentSchemas", dependency.Name) is { } dependent)
                    {
                        shape.DependentSchemas.Add(new(dependency.Name, dependent));
                    }
                }
            }

            if (schema.Child("propertyNames") is { } propertyNames)
            {
                shape.PropertyNames.Add(propertyNames);
                shape.AdditionalAllowedFreely = false;
            }

            if (schema.TryGet("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object)
            {
                foreach (var pattern in patterns.EnumerateObject())
                {
                    if (pattern.Value.ValueKind != JsonValueKind.False)
                    {
                        AddUnique(shape.PatternSources, pattern.Name);
                    }
                }

                shape.AdditionalAllowedFreely = false;
            }

            if (schema.Child("additionalProperties") is { } additional)
            {
                shape.AdditionalAllowedFreely = false;
                if (additional.IsFalse)
                {
                    shape.AdditionalForbidden = true;
                }
                else
                {
                    shape.AdditionalSchema = true;
                }
            }

            if (schema.Child("unevaluatedProperties") is { } unevaluated)
            {
                shape.AdditionalAllowedFreely = false;
                shape.AdditionalForbidden |= unevaluated.IsFalse;
            }
        }

        return shape;
    }

    private static void ReadDependentRequired(ObjectShape shape, JsonElement map)
    {
        foreach (var dependency in map.EnumerateObject())
        {
            if (dependency.Value.ValueKind == JsonValueKind.Array)
            {
                var names = dependency.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
                shape.DependentRequired.Add(new(dependency.Name, names));
            }
        }
    }

    private static void AddUnique(List<string> list, string name)
    {
        if (!list.Contains(name, StringComparer.Ordinal))
        {
            list.Add(name);
        }
    }
}
