using System.Text.Json;

namespace MockGen.Core.Schema;

/// <summary>
/// One JSON document that holds schemas: a JSON Schema file, an OpenAPI description, or a remote
/// document mapped to a local file. Relative <c>$ref</c>s inside it resolve against <see cref="BaseUri"/>.
/// </summary>
/// <param name="BaseUri">Absolute URI of the document, without a fragment (for files, a <c>file://</c> URI).</param>
/// <param name="Root">The parsed document. YAML sources are converted to JSON before they get here.</param>
/// <param name="DefaultDialect">The dialect used where the document (or a subschema) names no <c>$schema</c>.</param>
/// <param name="SourcePath">The file the document came from, for error messages; <see langword="null"/> when it had none.</param>
public sealed record SchemaDocument(Uri BaseUri, JsonElement Root, Dialect DefaultDialect, string? SourcePath);
