using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Core.Enrichment;

/// <summary>
/// Turns a target's compiled schema into the <c>response_format</c> JSON schema of Azure OpenAI's strict
/// structured outputs (reference §2), so a model can only answer in the contract's shape:
/// <list type="bullet">
/// <item>every property is listed in <c>required</c>; an optional one also accepts <c>null</c>, which stands for "absent";</item>
/// <item><c>"additionalProperties": false</c> on every object; a map (schema-valued <c>additionalProperties</c> or
/// <c>patternProperties</c>, or a free-form object) becomes an array of <c>{key, value}</c> entries;</item>
/// <item><c>allOf</c> and <c>$ref</c> siblings are merged; <c>oneOf</c> becomes <c>anyOf</c>; <c>not</c>,
/// <c>if/then/else</c>, dependencies and every constraint the subset lacks (pattern, format, min/max...) are
/// written into <c>description</c>, e.g. <c>Constraints: pattern: ^[A-Z]{3}$.</c>;</item>
/// <item>structured schemas reached through <c>$ref</c> become root <c>$defs</c>, so recursion is expressed, not unrolled;</item>
/// <item>requests drop <c>readOnly</c> properties and responses <c>writeOnly</c> ones (the target's direction);</item>
/// <item>a target that is not a plain object is wrapped as <c>{"value": …}</c> (<see cref="StrictSchema.RootProperty"/>).</item>
/// </list>
/// The output is deterministic: the same contract gives the same bytes (keys in a fixed order, properties in
/// contract order, definitions in order of first use). It is an approximation the gate makes exact: every
/// answer is still validated against the original target. Immutable and thread-safe.
/// </summary>
public sealed class StrictSchemaTransform
{
    private readonly StrictSchemaOptions _options;

    /// <summary>Builds a transform.</summary>
    /// <param name="options">Options; null for the Azure defaults. Copied: later changes do not affect this instance.</param>
    /// <exception cref="ArgumentException">An option is invalid (every problem is named in one message).</exception>
    public StrictSchemaTransform(StrictSchemaOptions? options = null)
    {
        options ??= new StrictSchemaOptions();
        options.Validate();
        _options = new StrictSchemaOptions
        {
            Limits = options.Limits,
            RootProperty = options.RootProperty,
            MaxBranches = options.MaxBranches,
            MaxEmittedSchemas = options.MaxEmittedSchemas,
            DropOptionalToFit = options.DropOptionalToFit,
            ListProperty = options.ListProperty,
        };
    }

    /// <summary>The subset this transform targets.</summary>
    public StrictSubsetLimits Limits => _options.Limits;

    /// <summary>Transforms one target of a contract, in the target's direction.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="target">One of its targets.</param>
    /// <returns>The strict schema; check <see cref="StrictSchema.IsWithinSubset"/> before sending it.</returns>
    /// <exception cref="ContractException">The target's schema does not compile.</exception>
    public StrictSchema Transform(Contract contract, ContractTarget target)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(target);
        return Transform(contract.GetNode(target), target.Direction, target.Id, FormatName(target.Name));
    }

    /// <summary>
    /// Transforms one target into a schema for several payloads in one answer (the edge-case and scenario
    /// modes): <c>{"payloads": [target, …]}</c>, <paramref name="count"/> stated in the array's description (the
    /// subset has no minItems/maxItems). The list wrapper is one more object level, so a target that used all
    /// five may lose optional properties to fit. Read answers with <see cref="StrictAnswer.ToPayloads"/>.
    /// </summary>
    /// <param name="contract">The contract.</param>
    /// <param name="target">One of its targets.</param>
    /// <param name="count">How many payloads to ask for (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    /// <exception cref="ContractException">The target's schema does not compile.</exception>
    public StrictSchema TransformList(Contract contract, ContractTarget target, int count)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new StrictSchemaBuilder(_options, target.Direction).Build(contract.GetNode(target), target.Id, FormatName(target.Name + " list"), count);
    }

    /// <summary>Transforms a compiled schema (for the generator, which holds nodes).</summary>
    internal StrictSchema Transform(SchemaNode node, PayloadDirection direction, string targetId, string name)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new StrictSchemaBuilder(_options, direction).Build(node, targetId, name);
    }

    /// <summary>
    /// The <c>json_schema.name</c> for a target name: characters outside <c>[A-Za-z0-9_-]</c> become <c>_</c>
    /// (runs collapsed, ends trimmed), at most 64 characters, <c>payload</c> when nothing is left.
    /// <c>GET /pets response 200</c> gives <c>GET_pets_response_200</c>.
    /// </summary>
    /// <param name="targetName">The target's friendly name.</param>
    public static string FormatName(string targetName)
    {
        ArgumentNullException.ThrowIfNull(targetName);
        return StrictSchemaBuilder.Sanitize(targetName, "payload");
    }
}
