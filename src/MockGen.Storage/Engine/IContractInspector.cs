namespace MockGen.Storage.Engine;

/// <summary>The seam to Core's contract loader: hash, kind, targets and diagnostics of one contract file.</summary>
public interface IContractInspector
{
    /// <summary>Loads the contract. Never throws for bad input: a malformed contract is a failed inspection.</summary>
    ContractInspection Inspect(string name, ReadOnlyMemory<byte> content);
}
