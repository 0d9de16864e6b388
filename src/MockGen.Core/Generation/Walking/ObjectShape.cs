using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>The object keywords of a conjunction, merged: declared names, requirements, counts and dependencies.</summary>
internal sealed class ObjectShape
{
    public List<string> Declared { get; } = [];

    public List<string> Required { get; } = [];

    public int MinProperties { get; private set; }

    public string? MinPropertiesLocation { get; private set; }

    public int? MaxProperties { get; private set; }

    public List<KeyValuePair<string, IReadOnlyList<string>>> DependentRequired { get; } = [];

    public List<KeyValuePair<string, SchemaNode>> DependentSchemas { get; } = [];

    public List<SchemaNode> PropertyNames { get; } = [];

    public List<string> PatternSources { get; } = [];

    public bool HasPatternProperties => PatternSources.Count > 0;

    /// <summary>Some schema forbids names beyond its properties and patterns.</summary>
    public bool AdditionalForbidden { get; private set; }

    /// <summary>Some schema gives additional properties a (non-false) schema.</summary>
    public bool AdditionalSchema { get; private set; }

    /// <summary>No schema restricts extra names, so one more property breaks only maxProperties.</summary>
    public bool AdditionalAllowedFreely { get; private set; } = true;

    public static ObjectShape Read(IReadOnlyList<SchemaNode> schemas)
    {
        var shape = new ObjectShape();
        foreach (var schema in schemas)
        {
            foreach (var property in schema.Properties)
            {
                AddUnique(shape.Declared, property.Name);
            }

            foreach (var name in schema.Required)
            {
                AddUnique(shape.Required, name);
            }

            if (schema.MinProperties is { } min && min > shape.MinProperties)
            {
                shape.MinProperties = (int)Math.Min(min, 10_000);
                shape.MinPropertiesLocation = SchemaConjunction.Location(schema) + "/minProperties";
            }

            if (schema.MaxProperties is { } max)
            {
                var capped = (int)Math.Min(max, int.MaxValue);
                shape.MaxProperties = shape.MaxProperties is { } current ? Math.Min(current, capped) : capped;
            }

            foreach (var dependency in schema.DependentRequired)
            {
                shape.DependentRequired.Add(new(dependency.Property, dependency.Required));
            }

            foreach (var dependency in schema.DependentSchemas)
            {
                shape.DependentSchemas.Add(new(dependency.Property, dependency.Node));
            }

            if (schema.PropertyNames is { } propertyNames)
            {
                shape.PropertyNames.Add(propertyNames);
                shape.AdditionalAllowedFreely = false;
            }

            foreach (var pattern in schema.PatternProperties)
            {
                if (pattern.Node.BooleanSchema != false)
                {
                    AddUnique(shape.PatternSources, pattern.Pattern.Source);
                }

                shape.AdditionalAllowedFreely = false;
            }

            if (schema.AdditionalProperties is { } additional)
            {
                shape.AdditionalAllowedFreely = false;
                if (additional.BooleanSchema == false)
                {
                    shape.AdditionalForbidden = true;
                }
                else
                {
                    shape.AdditionalSchema = true;
                }
            }

            if (schema.UnevaluatedProperties is { } unevaluated)
            {
                shape.AdditionalAllowedFreely = false;
                shape.AdditionalForbidden |= unevaluated.BooleanSchema == false;
            }
        }

        return shape;
    }

    private static void AddUnique(List<string> list, string name)
    {
        if (!list.Contains(name, StringComparer.Ordinal))
        {
            list.Add(name);
        }
    }
}
