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
    private readonly List<SchemaNode> _itemNodes = [];
    private readonly List<SteeringChoice?> _aims = [];
    private readonly Dictionary<SchemaNode, (SchemaNode? Parent, SteeringChoice? Step)> _routes = new(ReferenceEqualityComparer.Instance);
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

    /// <summary>The schema node item <paramref name="id"/> belongs to.</summary>
    public SchemaNode NodeOf(int id) => _itemNodes[id];

    /// <summary>The choice that exercises item <paramref name="id"/> once its node is reached, or null when reaching it is enough (a const, a format).</summary>
    public SteeringChoice? AimOf(int id) => _aims[id];

    /// <summary>
    /// The choices that lead a walk from the root to <paramref name="node"/> along the path the model found first
    /// (the branch to take, the optional property to include, the array to fill), outermost first.
    /// </summary>
    public List<SteeringChoice> RouteTo(SchemaNode node)
    {
        var steps = new List<SteeringChoice>();
        for (var at = node; _routes.TryGetValue(at, out var route) && route.Parent is { } parent; at = parent)
        {
            if (route.Step is { } step)
            {
                steps.Add(step);
            }
        }

        steps.Reverse();
        return steps;
    }

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
        var queue = new Queue<(SchemaNode Node, string Path, IReadOnlySet<string> Required, bool InChoice, SchemaNode? Parent, SteeringChoice? Step)>();
        queue.Enqueue((Root, string.Empty, RequiredOf(Root, 0), false, null, null));
        while (queue.Count > 0)
        {
            var (node, path, required, inChoice, parent, step) = queue.Dequeue();
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
            _routes.Add(node, (parent, step));
            AddItems(node, path, required, inChoice, items);
            foreach (var (child, childPath, childRequired, branch, childStep) in Children(node, path, required))
            {
                queue.Enqueue((child, childPath, childRequired, inChoice || branch, node, childStep));
            }
        }
    }

    // Each child with the choice that leads a walk from the node to it (null when the child applies anyway: $ref, allOf).
    private IEnumerable<(SchemaNode Node, string Path, IReadOnlySet<string> Required, bool Branch, SteeringChoice? Step)> Children(SchemaNode node, string path, IReadOnlySet<string> required)
    {
        // Same instance, same conjunction: what the owner requires holds for these nodes' properties too.
        foreach (var same in SameInstance(node))
        {
            var dependent = node.DependentSchemas.FirstOrDefault(d => ReferenceEquals(d.Node, same));
            yield return (same, path, required.Union(RequiredOf(same, 0)).ToHashSet(StringComparer.Ordinal), false,
                dependent is null ? null : new SteeringChoice(node, SteeringKind.Include, dependent.Property, 1));
        }

        // A branch of a choice is its own conjunction with the owner's requirements.
        for (var i = 0; i < node.AnyOf.Count; i++)
        {
            yield return (node.AnyOf[i], path, required.Union(RequiredOf(node.AnyOf[i], 0)).ToHashSet(StringComparer.Ordinal), true, new SteeringChoice(node, SteeringKind.Branch, "anyOf", i));
        }

        for (var i = 0; i < node.OneOf.Count; i++)
        {
            yield return (node.OneOf[i], path, required.Union(RequiredOf(node.OneOf[i], 0)).ToHashSet(StringComparer.Ordinal), true, new SteeringChoice(node, SteeringKind.Branch, "oneOf", i));
        }

        foreach (var (branch, then) in new[] { (node.Then, 1), (node.Else, 0) })
        {
            if (node.If is not null && branch is not null)
            {
                yield return (branch, path, required.Union(RequiredOf(branch, 0)).ToHashSet(StringComparer.Ordinal), false, new SteeringChoice(node, SteeringKind.Condition, null, then));
            }
        }

        foreach (var property in node.Properties)
        {
            if (Excluded(property.Node))
            {
                continue;
            }

            yield return (property.Node, JsonPointerSyntax.Append(path, property.Name), RequiredOf(property.Node, 0), false, new SteeringChoice(node, SteeringKind.Include, property.Name, 1));
        }

        foreach (var child in new[] { node.AdditionalProperties }.Concat(node.PatternProperties.Select(p => p.Node)))
        {
            if (child is not null)
            {
                yield return (child, path + "/*", RequiredOf(child, 0), false, new SteeringChoice(node, SteeringKind.Entries, null, 1));
            }
        }

        foreach (var child in new[] { node.Items, node.Contains })
        {
            if (child is not null)
            {
                yield return (child, path + "/*", RequiredOf(child, 0), false, new SteeringChoice(node, SteeringKind.LengthAtLeast, null, 1));
            }
        }

        for (var i = 0; i < node.PrefixItems.Count; i++)
        {
            yield return (node.PrefixItems[i], path + "/" + i.ToString(CultureInfo.InvariantCulture), RequiredOf(node.PrefixItems[i], 0), false, new SteeringChoice(node, SteeringKind.LengthAtLeast, null, i + 1));
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

    private int Add(CoverageCategory category, SchemaNode node, string suffix, string path, string description, string? notReachable = null, SteeringChoice? aim = null)
    {
        _items.Add(new CoverageItem(category, Location(node, suffix), path.Length == 0 ? "/" : path, description) { NotReachable = notReachable });
        _itemNodes.Add(node);
        _aims.Add(aim);
        return _items.Count - 1;
    }
}
