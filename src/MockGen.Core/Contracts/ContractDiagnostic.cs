namespace MockGen.Core.Contracts;

/// <summary>
/// A finding about a contract that did not stop it from loading: an OpenAPI specification rule the
/// document breaks (from Microsoft.OpenApi's reader and validator) or a MockGen warning.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What was found, in words a person can act on.</param>
/// <param name="JsonPointer">Where, as a JSON Pointer in URI-fragment form (<c>#/paths/~1pets/get</c>); <see langword="null"/> when unknown.</param>
/// <param name="SourcePath">The file the finding is about; <see langword="null"/> for in-memory contracts.</param>
public sealed record ContractDiagnostic(ContractDiagnosticSeverity Severity, string Message, string? JsonPointer, string? SourcePath)
{
    /// <summary>A JSON Schema without <c>$schema</c> read with an older draft because of the keyword at <paramref name="evidence"/>.</summary>
    internal static ContractDiagnostic InferredDialect(Schema.Dialect dialect, string? evidence, string? sourcePath) =>
        new(
            ContractDiagnosticSeverity.Warning,
            $"no $schema: read as {(dialect == Schema.Dialect.Draft4 ? "draft-04" : "draft-07")}, the draft its keywords are written in; add \"$schema\" to choose",
            "#" + evidence,
            sourcePath);

    /// <summary>Renders the diagnostic location first: <c>file#/pointer: error: message</c>.</summary>
    public override string ToString()
    {
        var location = (SourcePath ?? string.Empty) + (JsonPointer ?? string.Empty);
        var severity = Severity == ContractDiagnosticSeverity.Error ? "error" : "warning";
        return location.Length == 0 ? $"{severity}: {Message}" : $"{location}: {severity}: {Message}";
    }
}
