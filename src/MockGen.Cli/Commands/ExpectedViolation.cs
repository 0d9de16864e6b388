using System.Text.Json;
using MockGen.Core.Validation;

namespace MockGen.Cli.Commands;

/// <summary>
/// The failure a negative-variant record is labelled with (<c>meta.violation</c>): the one constraint the
/// generator broke on purpose. <see cref="SchemaPath"/> is the validator's keyword location (evaluation
/// path from the target's schema, <c>$ref</c> segments included); an absolute keyword location is accepted too.
/// </summary>
internal sealed record ExpectedViolation(string Keyword, string InstancePath, string SchemaPath)
{
    /// <summary>Reads <c>meta.violation</c>; null when it is absent.</summary>
    /// <exception cref="InvalidOperationException">It is present but not an object of three strings (message says which field).</exception>
    public static ExpectedViolation? Read(JsonElement meta)
    {
        if (!meta.TryGetProperty("violation", out var violation) || violation.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (violation.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("#/meta/violation must be an object {keyword, instancePath, schemaPath}");
        }

        return new ExpectedViolation(Field(violation, "keyword"), Field(violation, "instancePath"), Field(violation, "schemaPath"));
    }

    /// <summary>
    /// Whether the validator reported exactly this failure and nothing else, by the rule the generator applies
    /// to its own negatives (<see cref="ViolationMatch"/>): ancestors and, under <c>oneOf</c>/<c>anyOf</c>, descendants are explanations.
    /// </summary>
    public bool IsMatchedBy(ValidationResult result) => ViolationMatch.IsMatchedBy(result, Keyword, InstancePath, SchemaPath);

    private static string Field(JsonElement violation, string name) =>
        violation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"#/meta/violation/{name} must be a string");
}
