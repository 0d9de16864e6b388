namespace MockGen.Storage.Engine;

/// <summary>The seam to Core's validator, used by drift runs to re-validate datasets against another contract version.</summary>
public interface IValidatorFactory
{
    /// <summary>Compiles a contract for validation.</summary>
    /// <exception cref="MockGenStorageException">The contract cannot be loaded.</exception>
    IPayloadValidator Compile(string contractName, ReadOnlyMemory<byte> content);
}
