using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MockGen.Core.Generation.Schemas;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation.Gate;

/// <summary>The project's validator as the gate: compiled <see cref="SchemaSet"/> nodes judge every candidate.</summary>
internal sealed class ValidatorGate : IPayloadGate
{
    private readonly SchemaSet _set;
    private readonly SchemaNode _target;
    private readonly SchemaValidator _validator;
    private readonly ConcurrentDictionary<SchemaCursor, SchemaNode?> _nodes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a gate for the schema at <paramref name="targetUri"/>.</summary>
    /// <exception cref="SchemaException">The target does not resolve or compile.</exception>
    public ValidatorGate(SchemaSet set, Uri targetUri, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(targetUri);
        ArgumentNullException.ThrowIfNull(options);
        _set = set;
        _target = set.GetNode(targetUri);
        _validator = new SchemaValidator(options);
    }

    public IReadOnlyList<GateError> Check(JsonElement payload)
    {
        if (_validator.IsValid(_target, payload))
        {
            return [];
        }

        var result = _validator.Validate(_target, payload);
        return [.. result.Errors.Select(e => new GateError(e.InstanceLocation, e.KeywordLocation, e.Keyword, e.Message))];
    }

    public bool Matches(SchemaCursor schema, JsonElement value)
    {
        var node = _nodes.GetOrAdd(schema, Compile);
        // A subschema the validator cannot address is treated as matching nothing: the whole-payload gate still judges.
        return node is not null && _validator.IsValid(node, value);
    }

    private SchemaNode? Compile(SchemaCursor cursor)
    {
        try
        {
            return _set.GetNode(new Uri(cursor.DocumentUri + "#" + EncodeFragment(cursor.Pointer), UriKind.Absolute));
        }
        catch (SchemaException)
        {
            return null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static string EncodeFragment(string pointer)
    {
        var builder = new StringBuilder(pointer.Length + 8);
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            builder.Append('/').Append(Uri.EscapeDataString(segment));
        }

        return builder.ToString();
    }
}
