using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// What an object's schemas say about it that no draw can change: its merged <see cref="ObjectShape"/> and, for
/// every declared or required property, the schemas its value must meet and whether it can be built at all. Built
/// once per list of schemas (per walker, see <c>PayloadWalker.PlanFor</c>) instead of once per object of every
/// payload; immutable, so walks on several threads share it.
/// </summary>
/// <remarks>
/// Issue 9 (speed): reading the shape and asking the same four questions of every property (schemas, direction,
/// false schema, proven conflict) allocated a list per question and per property of every object generated.
/// </remarks>
internal sealed class ObjectPlan
{
    private readonly SchemaNode[] _schemas;
    private readonly Dictionary<string, PropertyFacts> _properties;

    public ObjectPlan(SchemaNode[] schemas, ObjectShape shape, Dictionary<string, PropertyFacts> properties)
    {
        _schemas = schemas;
        Shape = shape;
        _properties = properties;
    }

    public ObjectShape Shape { get; }

    /// <summary>The facts of a declared or required property; null for any other name (computed by the caller).</summary>
    public PropertyFacts? Find(string name) => _properties.GetValueOrDefault(name);

    /// <summary>Whether this plan was built for exactly these schemas, in this order.</summary>
    public bool IsFor(List<SchemaNode> schemas)
    {
        if (schemas.Count != _schemas.Length)
        {
            return false;
        }

        for (var i = 0; i < _schemas.Length; i++)
        {
            if (!ReferenceEquals(schemas[i], _schemas[i]))
            {
                return false;
            }
        }

        return true;
    }
}
