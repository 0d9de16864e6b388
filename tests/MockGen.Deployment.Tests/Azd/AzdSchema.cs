using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;
using MockGen.Core.Validation;
using MockGen.Deployment.Tests.Support;

namespace MockGen.Deployment.Tests.Azd;

/// <summary>
/// azd's azure.yaml schema (draft 2019-09, saved byte for byte in ../shared/reference) compiled by MockGen's own
/// validator, and YAML read by MockGen's own loader, so azure.yaml is checked the way MockGen checks contracts.
/// </summary>
internal sealed class AzdSchema
{
    private readonly SchemaSet _set;
    private readonly Uri _id;

    private AzdSchema(SchemaSet set, Uri id, ExternalAiSchemas resolver)
    {
        _set = set;
        _id = id;
        Resolver = resolver;
    }

    public ExternalAiSchemas Resolver { get; }

    public static AzdSchema Load()
    {
        var path = Path.Combine(Locations.SharedReference, "azure.yaml.schema.json");
        if (!File.Exists(path))
        {
            // A missing reference fails the run; it never turns the tests into no-ops.
            throw new InvalidOperationException($"azd's schema is missing: expected it at {path} (../shared/reference beside the repository root)");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement.Clone();
        var id = new Uri(root.GetProperty("$id").GetString()!);
        var resolver = new ExternalAiSchemas();
        var set = SchemaSet.Create(new SchemaDocument(id, root, Dialect.Draft201909, path), new SchemaSetOptions { Resolver = resolver });
        return new AzdSchema(set, id, resolver);
    }

    /// <summary>Parses YAML with MockGen's loader (YAML 1.2 core schema, alias budget) and validates it.</summary>
    public ValidationResult Validate(string yaml)
    {
        var parsed = new ContractLoader().Load("azure.yaml", Encoding.UTF8.GetBytes(yaml));
        return _set.Validate(_id, parsed.RootDocument.Root);
    }
}

/// <summary>
/// The seven external AI-host schemas azure.yaml.json references on raw.githubusercontent.com. MockGen never fetches
/// remote URIs, so each resolves to an empty (accept-all) schema; every other unknown URI stays unresolved.
/// </summary>
internal sealed class ExternalAiSchemas : ISchemaDocumentResolver
{
    private const string Prefix = "https://raw.githubusercontent.com/Azure/azure-dev/main/cli/azd/extensions/";
    private readonly List<Uri> _resolved = [];

    public IReadOnlyList<Uri> Resolved
    {
        get
        {
            lock (_resolved)
            {
                return [.. _resolved];
            }
        }
    }

    public SchemaDocument? Resolve(Uri documentUri)
    {
        ArgumentNullException.ThrowIfNull(documentUri);
        if (!documentUri.AbsoluteUri.StartsWith(Prefix, StringComparison.Ordinal) || !documentUri.AbsolutePath.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        lock (_resolved)
        {
            _resolved.Add(documentUri);
        }

        using var empty = JsonDocument.Parse("{}");
        return new SchemaDocument(documentUri, empty.RootElement.Clone(), Dialect.Draft201909, null);
    }
}
