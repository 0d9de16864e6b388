using System.Text.Json;
using MockGen.Core.Generation.Gate;
using MockGen.Core.Generation.Values;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation;

/// <summary>
/// Builds gated generators over a contract's one compiled <see cref="SchemaSet"/>: the walker reads the same
/// <see cref="SchemaNode"/>s the validator judges with, so there is a single model and a single compile.
/// </summary>
internal static class ContractSchemas
{
    /// <summary>Builds the gated generator of the schema at <paramref name="targetUri"/>.</summary>
    /// <param name="set">The contract's compiled schemas.</param>
    /// <param name="targetUri">The target's schema.</param>
    /// <param name="settings">The walker's settings.</param>
    /// <param name="validation">The gate's validation options.</param>
    /// <param name="maxAttempts">Candidates per payload.</param>
    /// <param name="contractName">The contract's name, for the gate's metric tags only.</param>
    /// <exception cref="SchemaException">The target does not resolve or compile.</exception>
    public static TargetGenerator CreateTarget(SchemaSet set, Uri targetUri, WalkerSettings settings, ValidationOptions validation, int maxAttempts = TargetGenerator.DefaultMaxAttempts, string contractName = "")
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(settings);
        var root = set.GetNode(targetUri);
        var gate = new ValidatorGate(root, validation);
        var walker = new PayloadWalker(settings with { Matches = (schema, value) => Matches(gate, schema, value) });
        return new TargetGenerator(root, walker, gate, maxAttempts) { ContractName = contractName };
    }

    private static bool Matches(ValidatorGate gate, SchemaNode schema, PayloadValue value)
    {
        using var document = JsonDocument.Parse(PayloadJson.ToUtf8(value));
        return gate.Matches(schema, document.RootElement);
    }
}
