using System.Globalization;
using MockGen.Core.Contracts;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;

namespace MockGen.Core.Coverage;

/// <summary>
/// The coverage items of one target: built once from its compiled schema, walking every node reachable through
/// keywords that hold instance values (properties, items, applicators, <c>$ref</c>), never through <c>not</c> or an
/// <c>if</c> condition (values there are what a payload avoids or tests, not what it exercises).
/// </summary>
/// <remarks>
/// Items belong to schema nodes, not to instance paths: each node is visited once (the first instance path found
/// names it), so a <c>$ref</c> cycle or a schema reused a thousand times costs one visit, and the model is bounded by
/// the contract's size and by <see cref="CoverageOptions"/>. Immutable once built; thread-safe.
/// </remarks>
internal sealed partial class CoverageModel
{
    private readonly List<CoverageItem> _items = [];
    private readonly Dictionary<SchemaNode, NodeItems> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Satisfiability _satisfiability = new();
    private readonly CoverageOptions _options;
    private readonly string _rootDocument;

    private CoverageModel(SchemaNode root, PayloadDirection direction, CoverageOptions options)
    {
        Root = root;
        Direction = direction;
        _options = options;
        _rootDocument = root.DocumentUri;
    }

    public SchemaNode Root { get; }

    public PayloadDirection Direction { get; }

    public IReadOnlyList<CoverageItem> Items => _items;

    /// <summary>Whether a bound of <see cref="CoverageOptions"/> stopped the walk.</summary>
    public bool Truncated { get; private set; }

    public NodeItems? ItemsOf(SchemaNode node) => _nodes.GetValueOrDefault(node);

    /// <summary>Builds the model of the target whose compiled schema is <paramref name="root"/>.</summary>
    public static CoverageModel Build(SchemaNode root, PayloadDirection direction, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var model = new CoverageModel(root, direction, options);
        model.Walk();
        return model;
    }

    // Breadth-first over (node, instance path, names required by the enclosing conjunction): an explicit queue, so
    // deep schemas never recurse on the stack.
    private void Walk()
    {
        var queue = new Queue<(SchemaNode Node, string Path, IReadOnlySet<string> Required, bool InChoice)>();
        queue.Enqueue((Root, string.Empty, RequiredOf(Root, 0), false));
        while (queue.Count > 0)
        {
            var (node, path, required, inChoice) = queue.Dequeue();
            if (node.BooleanSchema is not null || _nodes.ContainsKey(node))
            {
                continue;
            }

            if (_nodes.Count >= _options.MaxSchemaNodes || _items.Count >= _options.MaxItems)
            {
                Truncated = true;
                return;
            }

            var items = new NodeItems();
            _nodes.Add(node, items);
            AddItems(node, path, required, inChoice, items);
            foreach (var (child, childPath, childRequired, branch) in Children(node, path, required))
            {
                queue.Enqueue((child, childPath, childRequired, inChoice || branch));
            }
        }
    }

    private IEnumerable<(SchemaNode Node, string Path, IReadOnlySet<string> Required, bool Branch)> Children(SchemaNode node, string path, IReadOnlySet<string> required)
    {
        // Same instance, same conjunction: what the owner requires holds for these nodes' properties too.
        foreach (var same in SameInstance(node))
        {
            yield return (same, path, required.Union(RequiredOf(same, 0)).ToHashSet(StringComparer.Ordinal), false);
        }

        // A branch of a choice is its own conjunction with the owner's requirements.
        foreach (var branch in node.AnyOf.Concat(node.OneOf))
        {
            yield return (branch, path, required.Union(RequiredOf(branch, 0)).ToHashSet(StringComparer.Ordinal), true);
        }

        foreach (var branch in new[] { node.Then, node.Else })
        {
            if (node.If is not null && branch is not null)
            {
                yield return (branch, path, required.Union(RequiredOf(branch, 0)).ToHashSet(StringComparer.Ordinal), false);
            }
        }

        foreach (var property in node.Properties)
        {
            if (Excluded(property.Node))
            {
                continue;
            }

            yield return (property.Node, JsonPointerSyntax.Append(path, property.Name), RequiredOf(property.Node, 0), false);
        }

        foreach (var child in new[] { node.AdditionalProperties, node.Items, node.Contains }.Concat(node.PatternProperties.Select(p => p.Node)))
        {
            if (child is not null)
            {
                yield return (child, path + "/*", RequiredOf(child, 0), false);
            }
        }

        for (var i = 0; i < node.PrefixItems.Count; i++)
        {
            yield return (node.PrefixItems[i], path + "/" + i.ToString(CultureInfo.InvariantCulture), RequiredOf(node.PrefixItems[i], 0), false);
        }
    }

    private static IEnumerable<SchemaNode> SameInstance(SchemaNode node)
    {
        foreach (var reference in new[] { node.Ref, node.DynamicRef, node.RecursiveRef })
        {
            if (reference is not null)
            {
                yield return reference;
            }
        }

        foreach (var member in node.AllOf)
        {
            yield return member;
        }

        foreach (var dependent in node.DependentSchemas)
        {
            yield return dependent.Node;
        }
    }

    // The names required of one instance by a node and everything it is conjoined with ($ref, allOf), a few levels deep.
    private static HashSet<string> RequiredOf(SchemaNode node, int depth)
    {
        var names = new HashSet<string>(node.Required, StringComparer.Ordinal);
        if (depth < 8)
        {
            foreach (var same in SameInstance(node))
            {
                if (same.BooleanSchema is null)
                {
                    names.UnionWith(RequiredOf(same, depth + 1));
                }
            }
        }

        return names;
    }

    // readOnly values never appear in a request, writeOnly ones never in a response: not part of this target's coverage.
    private bool Excluded(SchemaNode property) =>
        (Direction == PayloadDirection.Request && property.ReadOnly) || (Direction == PayloadDirection.Response && property.WriteOnly);

    private string Location(SchemaNode node, string suffix)
    {
        var pointer = "#" + node.DocumentPointer + suffix;
        if (string.Equals(node.DocumentUri, _rootDocument, StringComparison.Ordinal))
        {
            return pointer;
        }

        var slash = node.DocumentUri.LastIndexOf('/');
        return (slash >= 0 ? node.DocumentUri[(slash + 1)..] : node.DocumentUri) + pointer;
    }

    private int Add(CoverageCategory category, SchemaNode node, string suffix, string path, string description, string? notReachable = null)
    {
        _items.Add(new CoverageItem(category, Location(node, suffix), path.Length == 0 ? "/" : path, description) { NotReachable = notReachable });
        return _items.Count - 1;
    }
}
