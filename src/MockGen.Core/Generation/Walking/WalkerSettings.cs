using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>What shapes a walk besides the schema: direction, realism, tenancy and budgets.</summary>
internal sealed record WalkerSettings
{
    public PayloadDirection Direction { get; init; }

    public ILeafValueSource Leaves { get; init; } = FallbackLeafSource.Instance;

    /// <summary>The run's tenant, written into properties named like a tenant; null leaves them to realism.</summary>
    public string? Tenant { get; init; }

    /// <summary>Property names that carry the tenant (ordinal).</summary>
    public IReadOnlyList<string> TenantProperties { get; init; } = ["tenant_id", "tenantId", "tenant"];

    /// <summary>
    /// Checks whether a value matches a subschema, used to honour <c>not</c>, <c>oneOf</c> exclusivity,
    /// <c>if</c> and <c>maxContains</c> locally; null when no validator is wired (the payload gate still runs).
    /// </summary>
    public Func<SchemaNode, PayloadValue, bool>? Matches { get; init; }

    /// <summary>References followed along one path before the walker prefers terminating branches.</summary>
    public int ReferenceBudget { get; init; } = 4;

    /// <summary>Nesting depth at which a walk gives up: the recursion has no terminating branch.</summary>
    public int MaxDepth { get; init; } = 48;

    /// <summary>Values per payload before the walker builds only what is required.</summary>
    public int NodeBudget { get; init; } = 2000;

    /// <summary>Largest array length the maximal and boundary variants aim for when the schema sets none.</summary>
    public int ItemsBudget { get; init; } = 8;

    /// <summary>Largest string length the boundary variant aims for.</summary>
    public int StringBudget { get; init; } = 256;

    /// <summary>Probability that a typical value is taken from the schema's <c>examples</c>/<c>example</c> when it has some.</summary>
    public double ExamplesProbability { get; init; } = 0.5;

    /// <summary>Probability that a typical value is the schema's <c>default</c> when it has one.</summary>
    public double DefaultProbability { get; init; } = 0.2;

    /// <summary>
    /// Whether the field at (instance pointer, property name, <c>x-mockgen</c> hint) is sensitive, so its examples and
    /// defaults are never echoed; null asks only the property name (<see cref="Realism.SensitiveFields"/>).
    /// </summary>
    public Func<string, string?, System.Text.Json.JsonElement?, bool>? IsSensitive { get; init; }

    /// <summary>Probability that an optional property is present in a typical payload.</summary>
    public double OptionalPropertyRate { get; init; } = 0.7;
}
