namespace MockGen.Core.Enrichment;

/// <summary>
/// Something the strict subset could not say and the transform approximated (a <c>oneOf</c> sent as
/// <c>anyOf</c>, a map sent as an array of entries, a <c>not</c> dropped). The gate still enforces the original.
/// </summary>
/// <param name="SchemaLocation">Where in the contract: <c>#</c> plus the JSON Pointer of the original schema in its document.</param>
/// <param name="Message">What was approximated, and how.</param>
public sealed record StrictSchemaNote(string SchemaLocation, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{SchemaLocation}: {Message}";
}
