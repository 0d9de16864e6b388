using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation.Gate;

/// <summary>
/// The validator as the generator sees it: the judge of whole payloads, and an oracle for subschemas so the
/// walker can honour <c>not</c>, <c>oneOf</c> and <c>maxContains</c> before the whole payload is judged.
/// Implementations are thread-safe.
/// </summary>
internal interface IPayloadGate
{
    /// <summary>Every failure of <paramref name="payload"/> against the target; empty when it is valid.</summary>
    IReadOnlyList<ValidationError> Check(JsonElement payload);

    /// <summary>True when <paramref name="value"/> is valid against the subschema <paramref name="schema"/>.</summary>
    bool Matches(SchemaNode schema, JsonElement value);
}
