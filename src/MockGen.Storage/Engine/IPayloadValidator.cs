using System.Text.Json;
using MockGen.Core.Validation;

namespace MockGen.Storage.Engine;

/// <summary>A compiled contract that validates payloads against its targets.</summary>
public interface IPayloadValidator
{
    /// <summary>True when the contract has this target.</summary>
    bool HasTarget(string targetId);

    /// <summary>Validates one payload; an empty list means valid.</summary>
    IReadOnlyList<ValidationError> Validate(string targetId, JsonElement payload);
}
