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
    /// Whether the validator reported exactly this failure: the result is invalid, one error has this keyword,
    /// instance location and schema location, and every other error is an applicator above it (its instance
    /// and keyword locations are prefixes of this one's, as <c>properties</c>, <c>allOf</c> or <c>$ref</c> report).
    /// </summary>
    public bool IsMatchedBy(ValidationResult result)
    {
        if (result.IsValid)
        {
            return false;
        }

        var matched = false;
        foreach (var error in result.Errors)
        {
            if (error.Keyword == Keyword && error.InstanceLocation == InstancePath && SameSchemaPath(error))
            {
                matched = true;
            }
            else if (!IsPrefix(error.InstanceLocation, InstancePath) || !IsPrefix(error.KeywordLocation, SchemaPath))
            {
                return false;
            }
        }

        return matched;
    }

    private bool SameSchemaPath(ValidationError error)
    {
        if (error.KeywordLocation == SchemaPath || error.AbsoluteKeywordLocation == SchemaPath)
        {
            return true;
        }

        var hash = error.AbsoluteKeywordLocation.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return false;
        }

        var fragment = Uri.UnescapeDataString(error.AbsoluteKeywordLocation[(hash + 1)..]);
        return fragment == SchemaPath || "#" + fragment == SchemaPath;
    }

    // "/a" is a prefix of "/a/b" and of "/a", not of "/ab".
    private static bool IsPrefix(string prefix, string path) =>
        prefix.Length == 0
        || path == prefix
        || (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path[prefix.Length] == '/');

    private static string Field(JsonElement violation, string name) =>
        violation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"#/meta/violation/{name} must be a string");
}
