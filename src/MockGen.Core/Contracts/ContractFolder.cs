namespace MockGen.Core.Contracts;

/// <summary>
/// The contracts of a folder. Every <c>*.json</c>, <c>*.yaml</c> and <c>*.yml</c> file below it (hidden
/// folders skipped) is a contract, named by its path relative to the folder with <c>/</c>
/// (<c>billing/payments.yaml</c>), except files that another contract of the folder references: those
/// are parts of that multi-file contract.
/// </summary>
/// <param name="Path">The folder, as given.</param>
/// <param name="Contracts">The contracts that loaded, ordered by name (ordinal).</param>
/// <param name="Failures">The files that failed to load (and are not parts of a loaded contract), ordered by name.</param>
public sealed record ContractFolder(string Path, IReadOnlyList<Contract> Contracts, IReadOnlyList<ContractLoadFailure> Failures);
