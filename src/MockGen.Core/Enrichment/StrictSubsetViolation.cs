namespace MockGen.Core.Enrichment;

/// <summary>One way a schema falls outside the strict structured-output subset.</summary>
/// <param name="SchemaPointer">JSON Pointer of the offending schema inside the checked schema (<c>""</c> for the root).</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Message">
/// Azure's wording, context first: <c>In context=('properties', 'id'), 'additionalProperties' is required to be
/// supplied and to be false.</c>
/// </param>
public sealed record StrictSubsetViolation(string SchemaPointer, StrictSubsetRule Rule, string Message)
{
    /// <summary>
    /// The full message Azure OpenAI puts in a 400 <c>invalid_request_error</c> for <c>param: response_format</c>.
    /// </summary>
    /// <param name="formatName">The <c>json_schema.name</c> of the request.</param>
    public string ToAzureMessage(string formatName) => $"Invalid schema for response_format '{formatName}': {Message}";

    /// <inheritdoc />
    public override string ToString() => $"{(SchemaPointer.Length == 0 ? "/" : SchemaPointer)}: {Message}";
}
