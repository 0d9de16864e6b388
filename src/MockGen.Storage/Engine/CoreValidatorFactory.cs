using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Storage.Engine;

/// <summary>
/// The validation seam implemented by Core: the contract loader plus the compiled <see cref="SchemaSet"/>, the
/// same path <c>mockgen validate</c> takes. Each target validates with its direction (readOnly/writeOnly).
/// </summary>
public sealed class CoreValidatorFactory : IValidatorFactory
{
    private readonly ContractLoader _loader;

    /// <summary>Creates the factory; <paramref name="options"/> defaults to the loader's defaults.</summary>
    public CoreValidatorFactory(ContractLoaderOptions? options = null)
    {
        _loader = new ContractLoader(options);
    }

    /// <inheritdoc/>
    public IPayloadValidator Compile(string contractName, ReadOnlyMemory<byte> content)
    {
        Contract contract;
        try
        {
            contract = _loader.Load(contractName, content);
        }
        catch (ContractException e)
        {
            throw MockGenStorageException.InvalidContract(contractName, e.Message);
        }

        var schemas = SchemaSet.Create(contract.Documents, new SchemaSetOptions { Resolver = contract.Resolver });
        return new Validator(contract, schemas);
    }

    private sealed class Validator(Contract contract, SchemaSet schemas) : IPayloadValidator
    {
        private readonly Dictionary<string, (Uri Schema, ValidationOptions Options)> _targets = contract.Targets
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().SchemaUri, new ValidationOptions { Direction = g.First().Direction }), StringComparer.Ordinal);

        public bool HasTarget(string targetId) => _targets.ContainsKey(targetId);

        public IReadOnlyList<PayloadViolation> Validate(string targetId, JsonElement payload)
        {
            var (schema, options) = _targets[targetId];
            var result = schemas.Validate(schema, payload, options);
            return result.IsValid ? [] : result.Errors.Select(e => new PayloadViolation(e.InstanceLocation, e.KeywordLocation, e.Keyword, e.Message)).ToList();
        }
    }
}
