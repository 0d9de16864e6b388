using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Validation;

namespace MockGen.Storage.Engine;

/// <summary>
/// The validation seam implemented by Core: the contract loader and <see cref="Contract.Validate"/>, the same
/// path <c>mockgen validate</c> takes (formats asserted, each target with its direction).
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

        return new Validator(contract);
    }

    private sealed class Validator(Contract contract) : IPayloadValidator
    {
        private readonly Dictionary<string, Core.Contracts.ContractTarget> _targets = contract.Targets
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public bool HasTarget(string targetId) => _targets.ContainsKey(targetId);

        public IReadOnlyList<ValidationError> Validate(string targetId, JsonElement payload)
        {
            var result = contract.Validate(_targets[targetId], payload);
            return result.IsValid ? [] : result.Errors;
        }
    }
}
