using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Proves schema nodes unsatisfiable, once per node (cached), so the walker never chooses an optional part that
/// cannot be built: an optional property whose value cannot exist is left out, an array whose items cannot exist
/// stays at its minimum length, an <c>anyOf</c>/<c>oneOf</c> branch that cannot hold is never picked.
/// </summary>
/// <remarks>
/// Conservative by design: a node is reported only for a conflict in its own keywords or in parts that must all
/// hold (<c>$ref</c>, <c>allOf</c>, required properties, the first items), never for one that a choice could avoid.
/// Anything it cannot decide (cycles, depth beyond <see cref="MaxDepth"/>) counts as satisfiable, so a wrong answer
/// only costs what the walker did before: a retry. Thread-safe.
/// </remarks>
internal sealed class Satisfiability
{
    private const int MaxDepth = 48;

    // The cache's "no conflict found" marker (a ConcurrentDictionary cannot hold null values).
    private static readonly WalkFailure NoConflict = new(string.Empty, string.Empty, Unsupported: false);

    private readonly ConcurrentDictionary<SchemaNode, WalkFailure> _known = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(SchemaNode Owner, SchemaNode Branch), bool> _branchClashes = new();

    /// <summary>The proven conflict that makes <paramref name="node"/> unsatisfiable, or null when none is known.</summary>
    public WalkFailure? Conflict(SchemaNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        // A known answer first: the visiting set was allocated on every call, though almost every call is a cache hit.
        if (node.BooleanSchema is null && _known.TryGetValue(node, out var known))
        {
            return ReferenceEquals(known, NoConflict) ? null : known;
        }

        return Check(node, new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance), 0);
    }

    /// <summary>
    /// Whether a branch of <paramref name="owner"/>'s <c>anyOf</c>/<c>oneOf</c> cannot hold together with the owner's
    /// own keywords: the branch requires a property the owner forbids (an object with <c>additionalProperties: false</c>
    /// and no such property, say), or the branch itself is unsatisfiable.
    /// </summary>
    public bool ClashesWithOwner(SchemaNode owner, SchemaNode branch)
    {
        // Looked up first: GetOrAdd with an instance lambda would allocate a delegate on every call, hit or miss.
        if (_branchClashes.TryGetValue((owner, branch), out var known))
        {
            return known;
        }

        return _branchClashes.GetOrAdd((owner, branch), Conflict(branch) is not null || RequiresForbidden(owner, branch));
    }

    private WalkFailure? Check(SchemaNode node, HashSet<SchemaNode> visiting, int depth)
    {
        if (node.BooleanSchema is { } boolean)
        {
            return boolean ? null : new WalkFailure("the schema is false: no value is valid", SchemaConjunction.Location(node), Unsupported: false);
        }

        if (_known.TryGetValue(node, out var known))
        {
            return ReferenceEquals(known, NoConflict) ? null : known;
        }

        if (depth > MaxDepth || !visiting.Add(node))
        {
            // Undecided (a cycle or a very deep chain): assume satisfiable, and do not cache a guess.
            return null;
        }

        var conflict = Find(node, visiting, depth + 1);
        visiting.Remove(node);
        _known.TryAdd(node, conflict ?? NoConflict);
        return conflict;
    }

    private WalkFailure? Find(SchemaNode node, HashSet<SchemaNode> visiting, int depth)
    {
        var location = SchemaConjunction.Location(node);
        if (node.Ref is { } target && Check(target, visiting, depth) is { } viaRef)
        {
            return viaRef;
        }

        foreach (var part in node.AllOf)
        {
            if (Check(part, visiting, depth) is { } viaPart)
            {
                return viaPart;
            }
        }

        var types = Allowed(node);
        foreach (var part in node.AllOf)
        {
            types &= Allowed(part);
        }

        if (types == ValueTypes.None)
        {
            return new WalkFailure("the 'type' keywords have no type in common", location + "/type", Unsupported: false);
        }

        if (EnumConflict(node, types, location) is { } enumConflict)
        {
            return enumConflict;
        }

        if (types == ValueTypes.String && node.MinLength is { } minLength && node.MaxLength is { } maxLength && minLength > maxLength)
        {
            return new WalkFailure(string.Create(CultureInfo.InvariantCulture, $"minLength {minLength} is above maxLength {maxLength}"), location + "/minLength", Unsupported: false);
        }

        if (types == ValueTypes.Object && ObjectConflict(node, visiting, depth, location) is { } objectConflict)
        {
            return objectConflict;
        }

        if (types == ValueTypes.Array && ArrayConflict(node, visiting, depth, location) is { } arrayConflict)
        {
            return arrayConflict;
        }

        return ChoiceConflict(node, node.AnyOf, "anyOf", visiting, depth, location) ?? ChoiceConflict(node, node.OneOf, "oneOf", visiting, depth, location);
    }

    private WalkFailure? ChoiceConflict(SchemaNode node, IReadOnlyList<SchemaNode> branches, string keyword, HashSet<SchemaNode> visiting, int depth, string location)
    {
        if (branches.Count == 0)
        {
            return null;
        }

        foreach (var branch in branches)
        {
            if (Check(branch, visiting, depth) is null && !RequiresForbidden(node, branch))
            {
                return null;
            }
        }

        return new WalkFailure("no '" + keyword + "' branch can hold", location + "/" + keyword, Unsupported: false);
    }

    private static WalkFailure? EnumConflict(SchemaNode node, ValueTypes types, string location)
    {
        if (node.Const is { } constant)
        {
            return Admits(types, constant) ? null : new WalkFailure("the 'const' value is not of an allowed type", location + "/const", Unsupported: false);
        }

        if (node.Enum is { } values && values.All(v => !Admits(types, v)))
        {
            return new WalkFailure("no 'enum' value is of an allowed type", location + "/enum", Unsupported: false);
        }

        return null;
    }

    private WalkFailure? ObjectConflict(SchemaNode node, HashSet<SchemaNode> visiting, int depth, string location)
    {
        if (node.MinProperties is { } min && node.MaxProperties is { } max && min > max)
        {
            return new WalkFailure(string.Create(CultureInfo.InvariantCulture, $"minProperties {min} is above maxProperties {max}"), location + "/minProperties", Unsupported: false);
        }

        foreach (var name in node.Required)
        {
            var schemas = SchemasFor(node, name);
            if (schemas.Count == 0)
            {
                continue;
            }

            foreach (var schema in schemas)
            {
                if (Check(schema, visiting, depth) is { } inner)
                {
                    return new WalkFailure("required property '" + name + "' cannot have any value: " + inner.Reason, inner.SchemaLocation, Unsupported: false);
                }
            }
        }

        return null;
    }

    private WalkFailure? ArrayConflict(SchemaNode node, HashSet<SchemaNode> visiting, int depth, string location)
    {
        var minItems = node.MinItems ?? 0;
        if (node.MaxItems is { } maxItems && minItems > maxItems)
        {
            return new WalkFailure(string.Create(CultureInfo.InvariantCulture, $"minItems {minItems} is above maxItems {maxItems}"), location + "/minItems", Unsupported: false);
        }

        for (var i = 0; i < Math.Min(minItems, node.PrefixItems.Count); i++)
        {
            if (Check(node.PrefixItems[i], visiting, depth) is { } inner)
            {
                return new WalkFailure(string.Create(CultureInfo.InvariantCulture, $"item {i} is required (minItems {minItems}) but cannot have any value: {inner.Reason}"), inner.SchemaLocation, Unsupported: false);
            }
        }

        if (minItems > node.PrefixItems.Count && node.Items is { } rest && Check(rest, visiting, depth) is { } restConflict)
        {
            return new WalkFailure(string.Create(CultureInfo.InvariantCulture, $"minItems {minItems} needs items that cannot have any value: {restConflict.Reason}"), restConflict.SchemaLocation, Unsupported: false);
        }

        return null;
    }

    // The branch (with its $ref target and allOf parts, one level) requires a name the owner object forbids.
    private static bool RequiresForbidden(SchemaNode owner, SchemaNode branch)
    {
        var ownerIsObject = Allowed(owner) == ValueTypes.Object;
        foreach (var part in Flatten(branch))
        {
            if (part.Required.Count == 0 || !(ownerIsObject || Allowed(part) == ValueTypes.Object))
            {
                continue;
            }

            foreach (var name in part.Required)
            {
                var schemas = SchemasFor(owner, name);
                if (schemas.Any(s => s.BooleanSchema == false))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<SchemaNode> Flatten(SchemaNode branch)
    {
        yield return branch;
        if (branch.Ref is { } target)
        {
            yield return target;
        }

        foreach (var part in branch.AllOf)
        {
            yield return part;
        }
    }

    // The owner's own schemas for a property's value: declared, matching patterns, else additionalProperties.
    private static List<SchemaNode> SchemasFor(SchemaNode node, string name)
    {
        var result = new List<SchemaNode>();
        foreach (var property in node.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                result.Add(property.Node);
            }
        }

        foreach (var pattern in node.PatternProperties)
        {
            if (PayloadWalker.PatternMatches(pattern.Pattern, name))
            {
                result.Add(pattern.Node);
            }
        }

        if (result.Count == 0 && node.AdditionalProperties is { } additional)
        {
            result.Add(additional);
        }

        return result;
    }

    private static ValueTypes Allowed(SchemaNode node)
    {
        if (node.BooleanSchema is not null || node.Types == SchemaTypes.None)
        {
            return ValueTypes.All;
        }

        var types = PayloadWalker.ToValueTypes(node.Types);
        return node.Nullable ? types | ValueTypes.Null : types;
    }

    private static bool Admits(ValueTypes types, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => (types & ValueTypes.Null) != 0,
        JsonValueKind.True or JsonValueKind.False => (types & ValueTypes.Boolean) != 0,
        JsonValueKind.Object => (types & ValueTypes.Object) != 0,
        JsonValueKind.Array => (types & ValueTypes.Array) != 0,
        JsonValueKind.String => (types & ValueTypes.String) != 0,
        JsonValueKind.Number => (types & ValueTypes.Number) == ValueTypes.Number || ((types & ValueTypes.Integer) != 0 && IsInteger(value)),
        _ => true,
    };

    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var d) ? decimal.Truncate(d) == d : number.TryGetDouble(out var x) && Math.Floor(x) == x;
}
