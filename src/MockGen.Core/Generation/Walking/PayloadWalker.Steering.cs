using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>The coverage variant's forced choices (<see cref="WalkSteering"/>) where they need the walker's own caches.</content>
internal sealed partial class PayloadWalker
{
    // The enum value a steered walk must take, when one of the conjunction's enums names it and the other keywords
    // still admit it; null leaves the choice to the variant.
    private PayloadValue? SteeredLiteral(SchemaConjunction conjunction, List<PayloadValue> fitting, WalkSteering steering)
    {
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.Enum is null || steering.EnumIndex(schema) is not { } index)
            {
                continue;
            }

            var literals = Literals(schema);
            if (index < literals.Length)
            {
                foreach (var candidate in fitting)
                {
                    if (candidate.Equals(literals[index]))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    // A string of a format at an exact length, for the formats that can be padded: an email's local part takes the
    // slack before a reserved domain (RFC 2606). Null for the others: their values keep the format's own length.
    private static string? SteeredFormatted(string format, int length)
    {
        const string Domain = "@example.com";
        return format == "email" && length > Domain.Length ? new string('x', length - Domain.Length) + Domain : null;
    }

    // A steered discriminator entry stamps its own key (several keys may map to one schema); only when the branch
    // taken is the one it maps to.
    private static string? SteeredDiscriminatorKey(SchemaConjunction conjunction, SchemaNode owner, SchemaNode choice) =>
        conjunction.Steering?.DiscriminatorTarget(owner) is { } steered && (ReferenceEquals(choice, steered.Value) || ReferenceEquals(choice.Ref, steered.Value))
            ? steered.Key
            : null;
}
