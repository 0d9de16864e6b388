namespace MockGen.Core.Validation;

/// <summary>
/// The one rule deciding whether the validator's errors report exactly one labelled violation
/// (a negative record's <c>meta.violation</c> {keyword, instancePath, schemaPath}). The generator keeps a
/// negative candidate only when this rule holds, and <c>mockgen validate</c> checks labelled records with it.
/// </summary>
/// <remarks>
/// The validator reports, besides the failing keyword, the applicators on its path (<c>properties</c>,
/// <c>$ref</c>, <c>allOf</c>: ancestors) and, under a failing <c>oneOf</c>/<c>anyOf</c>/<c>not</c>/<c>contains</c>,
/// the branch errors that explain it (descendants). Both are one failure. Descendants are accepted only under
/// those keywords: their failure is a single verdict over subschemas, whereas a failing <c>properties</c> or
/// <c>allOf</c> fails because of every error below it, so labelling one of those would hide several violations.
/// </remarks>
public static class ViolationMatch
{
    /// <summary>Whether <paramref name="result"/> reports exactly the labelled violation and nothing else.</summary>
    /// <param name="result">The validator's verdict on the payload.</param>
    /// <param name="keyword">The labelled keyword (e.g. <c>maxLength</c>, <c>oneOf</c>).</param>
    /// <param name="instancePath">JSON Pointer to the failing value.</param>
    /// <param name="schemaPath">The keyword's evaluation path (<c>$ref</c> segments included), or its absolute keyword location.</param>
    public static bool IsMatchedBy(ValidationResult result, string keyword, string instancePath, string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.IsValid && Find(result.Errors, keyword, instancePath, schemaPath) is not null;
    }

    /// <summary>The error reporting the labelled violation when it is the sole failure in <paramref name="errors"/>; otherwise null.</summary>
    internal static ValidationError? Find(IReadOnlyList<ValidationError> errors, string keyword, string instancePath, string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            if (error.Keyword == keyword && error.InstanceLocation == instancePath && SameSchemaPath(error, schemaPath))
            {
                return IsSoleFailure(errors, error) ? error : null;
            }
        }

        return null;
    }

    /// <summary>Whether every error other than <paramref name="labelled"/> is an ancestor of it or, under a single-verdict applicator, a descendant.</summary>
    internal static bool IsSoleFailure(IReadOnlyList<ValidationError> errors, ValidationError labelled)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(labelled);
        var explained = IsSingleVerdict(labelled.Keyword);
        foreach (var error in errors)
        {
            if (ReferenceEquals(error, labelled))
            {
                continue;
            }

            var ancestor = IsProperPrefix(error.KeywordLocation, labelled.KeywordLocation) && IsPrefix(error.InstanceLocation, labelled.InstanceLocation);
            var descendant = explained && IsProperPrefix(labelled.KeywordLocation, error.KeywordLocation) && IsPrefix(labelled.InstanceLocation, error.InstanceLocation);
            if (!ancestor && !descendant)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Keywords whose failure is one verdict over subschemas, so errors reported beneath them only explain it.</summary>
    internal static bool IsSingleVerdict(string keyword) => keyword is "oneOf" or "anyOf" or "not" or "contains";

    private static bool SameSchemaPath(ValidationError error, string schemaPath)
    {
        if (error.KeywordLocation == schemaPath || error.AbsoluteKeywordLocation == schemaPath)
        {
            return true;
        }

        var hash = error.AbsoluteKeywordLocation.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return false;
        }

        var fragment = Uri.UnescapeDataString(error.AbsoluteKeywordLocation[(hash + 1)..]);
        return fragment == schemaPath || "#" + fragment == schemaPath;
    }

    // "/a" is a prefix of "/a/b" and of "/a", not of "/ab"; "" is a prefix of everything.
    internal static bool IsPrefix(string prefix, string path) => path == prefix || IsProperPrefix(prefix, path);

    private static bool IsProperPrefix(string prefix, string path) =>
        path.Length > prefix.Length
        && path.StartsWith(prefix, StringComparison.Ordinal)
        && (prefix.Length == 0 || path[prefix.Length] == '/');
}
