using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation.Gate;

/// <summary>
/// The project's validator as the gate: the contract's one compiled <see cref="SchemaSet"/> judges every
/// candidate, and its nodes answer the walker's subschema questions directly.
/// </summary>
internal sealed class ValidatorGate : IPayloadGate
{
    private readonly SchemaNode _target;
    private readonly SchemaValidator _validator;

    public ValidatorGate(SchemaNode target, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        _target = target;
        _validator = new SchemaValidator(options);
    }

    public IReadOnlyList<ValidationError> Check(JsonElement payload)
    {
        if (_validator.IsValid(_target, payload))
        {
            return [];
        }

        var result = _validator.Validate(_target, payload);
        return result.Errors;
    }

    public bool Matches(SchemaNode schema, JsonElement value) => _validator.IsValid(schema, value);
}
