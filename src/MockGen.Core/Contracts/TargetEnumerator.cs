using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>
/// Lists the payload targets of a contract from its raw JSON, in document order: every operation's
/// request and response bodies (per status code and JSON media type), its callbacks' operations, OpenAPI 3.1
/// webhooks, the reusable <c>components/requestBodies</c> and <c>components/responses</c>, then every named schema.
/// OpenAPI objects reached through <c>$ref</c> (path items, request bodies, responses, parameters) are
/// followed, so a target's id is where its schema really is; a schema location reached twice yields
/// one target (the first use names it). Schemas themselves are never dereferenced.
/// </summary>
internal sealed class TargetEnumerator
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly ContractDocumentSet _documents;
    private readonly List<ContractDiagnostic> _diagnostics;
    private readonly List<ContractTarget> _targets = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    private TargetEnumerator(ContractDocumentSet documents, List<ContractDiagnostic> diagnostics)
    {
        _documents = documents;
        _diagnostics = diagnostics;
    }

    /// <summary>Enumerates the targets of a contract of the given kind; problems go to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<ContractTarget> Enumerate(ContractKind kind, ContractDocumentSet documents, List<ContractDiagnostic> diagnostics)
    {
        var enumerator = new TargetEnumerator(documents, diagnostics);
        var root = documents.Root;
        switch (kind)
        {
            case ContractKind.OpenApi30 or ContractKind.OpenApi31:
                enumerator.OpenApi3Operations(root);
                enumerator.NamedSchemas(root, "/components/schemas");
                break;
            case ContractKind.OpenApi20:
                enumerator.Swagger2Operations(root);
                enumerator.NamedSchemas(root, "/definitions");
                break;
            default:
                enumerator.JsonSchema(root);
                break;
        }

        return enumerator._targets;
    }

    /// <summary>
    /// Which media types carry JSON: <c>application/json</c>, <c>text/json</c>, any <c>+json</c> suffix
    /// (<c>application/problem+json</c>), and the wildcards <c>*/*</c> and <c>application/*</c> (generated
    /// specs, e.g. springdoc, declare JSON bodies as <c>*/*</c>). Parameters (<c>; charset=utf-8</c>) are ignored.
    /// </summary>
    public static bool IsJsonMediaType(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type == "*/*"
            || type.Equals("application/*", StringComparison.OrdinalIgnoreCase);
    }

    private void OpenApi3Operations(LoadedDocument root)
    {
        var rootElement = root.Document.Root;
        if (rootElement.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
        {
            foreach (var path in paths.EnumerateObject())
            {
                PathItem(root, JsonPointerSyntax.Append("/paths", path.Name), path.Name, path.Value, depth: 0);
            }
        }

        // OpenAPI 3.1 webhooks: path items keyed by name; their bodies are payloads like any operation's.
        if (rootElement.TryGetProperty("webhooks", out var webhooks) && webhooks.ValueKind == JsonValueKind.Object)
        {
            foreach (var webhook in webhooks.EnumerateObject())
            {
                PathItem(root, JsonPointerSyntax.Append("/webhooks", webhook.Name), "webhook " + webhook.Name, webhook.Value, depth: 0);
            }
        }

        // Reusable bodies not referenced by any operation are targets too (referenced ones were named by their first use).
        if (rootElement.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Object)
        {
            if (components.TryGetProperty("requestBodies", out var bodies) && bodies.ValueKind == JsonValueKind.Object)
            {
                foreach (var body in bodies.EnumerateObject())
                {
                    var pointer = JsonPointerSyntax.Append("/components/requestBodies", body.Name);
                    if (Follow(root, pointer, body.Value, out var document, out var resolvedPointer, out var resolved))
                    {
                        MediaTypes(document, resolvedPointer, resolved, new Operation(body.Name, "requestBodies", body.Name), null, PayloadDirection.Request);
                    }
                }
            }

            if (components.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object)
            {
                foreach (var response in responses.EnumerateObject())
                {
                    var pointer = JsonPointerSyntax.Append("/components/responses", response.Name);
                    if (Follow(root, pointer, response.Value, out var document, out var resolvedPointer, out var resolved))
                    {
                        MediaTypes(document, resolvedPointer, resolved, new Operation(response.Name, "responses", response.Name), "(component)", PayloadDirection.Response);
                    }
                }
            }
        }
    }

    // One path item's operations; an operation's callbacks are path items too (bounded depth: callbacks of callbacks).
    private void PathItem(LoadedDocument root, string pointer, string label, JsonElement value, int depth)
    {
        if (depth > 4 || !Follow(root, pointer, value, out var itemDocument, out var itemPointer, out var item) || item.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var operation in item.EnumerateObject())
        {
            if (!HttpMethods.Contains(operation.Name) || operation.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var op = new Operation(label, operation.Name.ToUpperInvariant(), OperationId(operation.Value));
            var operationPointer = JsonPointerSyntax.Append(itemPointer, operation.Name);
            if (operation.Value.TryGetProperty("requestBody", out var requestBody)
                && Follow(itemDocument, operationPointer + "/requestBody", requestBody, out var bodyDocument, out var bodyPointer, out var body))
            {
                MediaTypes(bodyDocument, bodyPointer, body, op, null, PayloadDirection.Request);
            }

            if (operation.Value.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object)
            {
                foreach (var response in responses.EnumerateObject())
                {
                    if (response.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (Follow(itemDocument, JsonPointerSyntax.Append(operationPointer + "/responses", response.Name), response.Value, out var responseDocument, out var responsePointer, out var resolved))
                    {
                        MediaTypes(responseDocument, responsePointer, resolved, op, response.Name, PayloadDirection.Response);
                    }
                }
            }

            if (operation.Value.TryGetProperty("callbacks", out var callbacks) && callbacks.ValueKind == JsonValueKind.Object)
            {
                foreach (var callback in callbacks.EnumerateObject())
                {
                    var callbackPointer = JsonPointerSyntax.Append(operationPointer + "/callbacks", callback.Name);
                    if (!Follow(itemDocument, callbackPointer, callback.Value, out var callbackDocument, out var resolvedCallback, out var expressions) || expressions.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    foreach (var expression in expressions.EnumerateObject())
                    {
                        if (!expression.Name.StartsWith("x-", StringComparison.Ordinal))
                        {
                            PathItem(callbackDocument, JsonPointerSyntax.Append(resolvedCallback, expression.Name), $"{op.Label} callback {callback.Name} {expression.Name}", expression.Value, depth + 1);
                        }
                    }
                }
            }
        }
    }

    private void MediaTypes(LoadedDocument document, string pointer, JsonElement holder, Operation op, string? status, PayloadDirection direction)
    {
        if (!holder.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var media in content.EnumerateObject())
        {
            if (!IsJsonMediaType(media.Name) || media.Value.ValueKind != JsonValueKind.Object || !media.Value.TryGetProperty("schema", out _))
            {
                continue;
            }

            var schemaPointer = JsonPointerSyntax.Append(pointer + "/content", media.Name) + "/schema";
            var suffix = media.Name.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? string.Empty : $" ({media.Name})";
            var role = direction == PayloadDirection.Request ? "request" : $"response {status}";
            Add(document, schemaPointer, $"{op.Label} {role}{suffix}", direction, op, status, media.Name);
        }
    }

    private void Swagger2Operations(LoadedDocument root)
    {
        var rootElement = root.Document.Root;
        if (!rootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var globalConsumes = rootElement.TryGetProperty("consumes", out var gc) ? gc : default;
        var globalProduces = rootElement.TryGetProperty("produces", out var gp) ? gp : default;
        foreach (var path in paths.EnumerateObject())
        {
            if (!Follow(root, JsonPointerSyntax.Append("/paths", path.Name), path.Value, out var itemDocument, out var itemPointer, out var item))
            {
                continue;
            }

            foreach (var operation in item.EnumerateObject())
            {
                if (!HttpMethods.Contains(operation.Name) || operation.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var op = new Operation(path.Name, operation.Name.ToUpperInvariant(), OperationId(operation.Value));
                var operationPointer = JsonPointerSyntax.Append(itemPointer, operation.Name);
                var consumes = operation.Value.TryGetProperty("consumes", out var c) ? c : globalConsumes;
                var produces = operation.Value.TryGetProperty("produces", out var p) ? p : globalProduces;

                // Operation parameters override path-item ones with the same name and location.
                var body = BodyParameter(itemDocument, operationPointer + "/parameters", operation.Value)
                    ?? BodyParameter(itemDocument, itemPointer + "/parameters", item);
                if (body is not null && AnyJson(consumes))
                {
                    Add(body.Value.Document, body.Value.Pointer + "/schema", $"{op.Label} request", PayloadDirection.Request, op, null, null);
                }

                if (!AnyJson(produces) || !operation.Value.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var response in responses.EnumerateObject())
                {
                    if (response.Name.StartsWith("x-", StringComparison.Ordinal)
                        || !Follow(itemDocument, JsonPointerSyntax.Append(operationPointer + "/responses", response.Name), response.Value, out var responseDocument, out var responsePointer, out var resolved)
                        || !resolved.TryGetProperty("schema", out var schema))
                    {
                        continue;
                    }

                    // A "file" response is a byte stream, not JSON.
                    if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "file")
                    {
                        continue;
                    }

                    Add(responseDocument, responsePointer + "/schema", $"{op.Label} response {response.Name}", PayloadDirection.Response, op, response.Name, null);
                }
            }
        }
    }

    private (LoadedDocument Document, string Pointer)? BodyParameter(LoadedDocument document, string parametersPointer, JsonElement holder)
    {
        if (!holder.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var parameter in parameters.EnumerateArray())
        {
            var pointer = parametersPointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
            if (Follow(document, pointer, parameter, out var parameterDocument, out var parameterPointer, out var resolved)
                && resolved.TryGetProperty("in", out var location) && location.ValueKind == JsonValueKind.String && location.GetString() == "body"
                && resolved.TryGetProperty("schema", out _))
            {
                return (parameterDocument, parameterPointer);
            }
        }

        return null;
    }

    private static bool AnyJson(JsonElement mediaTypes)
    {
        if (mediaTypes.ValueKind != JsonValueKind.Array || mediaTypes.GetArrayLength() == 0)
        {
            return true;
        }

        foreach (var mediaType in mediaTypes.EnumerateArray())
        {
            if (mediaType.ValueKind == JsonValueKind.String && IsJsonMediaType(mediaType.GetString()!))
            {
                return true;
            }
        }

        return false;
    }

    private void NamedSchemas(LoadedDocument root, string containerPointer)
    {
        if (!JsonPointerSyntax.TryResolve(root.Document.Root, containerPointer, out var container) || container.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var schema in container.EnumerateObject())
        {
            Add(root, JsonPointerSyntax.Append(containerPointer, schema.Name), schema.Name, PayloadDirection.None, null, null, null);
        }
    }

    private void JsonSchema(LoadedDocument root)
    {
        var element = root.Document.Root;
        var title = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : Path.GetFileNameWithoutExtension(root.Document.SourcePath ?? root.Document.BaseUri.AbsolutePath);
        Add(root, string.Empty, title, PayloadDirection.None, null, null, null);
        NamedSchemas(root, "/$defs");
        NamedSchemas(root, "/definitions");
    }

    /// <summary>Follows OpenAPI-object <c>$ref</c>s (not schema ones) until a real object is reached.</summary>
    private bool Follow(LoadedDocument document, string pointer, JsonElement element, out LoadedDocument targetDocument, out string targetPointer, out JsonElement target)
    {
        targetDocument = document;
        targetPointer = pointer;
        target = element;
        for (var hops = 0; hops < 32; hops++)
        {
            if (target.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (!target.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return true;
            }

            var text = reference.GetString()!;
            if (!_documents.TryResolveReference(targetDocument.Document, text, out var next, out var nextPointer)
                || !JsonPointerSyntax.TryResolve(next.Document.Root, nextPointer, out var resolved))
            {
                _diagnostics.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Error, $"$ref \"{text}\" points to nothing", "#" + targetPointer, targetDocument.Document.SourcePath));
                return false;
            }

            targetDocument = next;
            targetPointer = nextPointer;
            target = resolved;
        }

        _diagnostics.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Error, "$ref chain longer than 32 hops (a loop?)", "#" + pointer, document.Document.SourcePath));
        return false;
    }

    private void Add(LoadedDocument document, string pointer, string name, PayloadDirection direction, Operation? op, string? status, string? mediaType)
    {
        var id = document.HashName + "#" + pointer;
        if (!_ids.Add(id))
        {
            return;
        }

        _targets.Add(new ContractTarget
        {
            Id = id,
            Name = name,
            Direction = direction,
            SchemaUri = new Uri(document.Document.BaseUri.AbsoluteUri + "#" + JsonPointerSyntax.ToUriFragment(pointer)),
            JsonPointer = pointer,
            Document = document.Document,
            OperationId = op?.OperationId,
            Method = op?.Method,
            Path = op?.Path,
            StatusCode = status,
            MediaType = mediaType,
        });
    }

    private static string? OperationId(JsonElement operation) =>
        operation.TryGetProperty("operationId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 0 ? id.GetString() : null;

    private sealed record Operation(string Path, string Method, string? OperationId)
    {
        public string Label => OperationId ?? $"{Method} {Path}";
    }
}
