namespace MockGen.Core.Contracts;

/// <summary>One contract of a folder, loaded or not (see <see cref="ContractLoader.EnumerateFolderAsync"/>).</summary>
/// <param name="Name">The file's path relative to the folder, with <c>/</c>.</param>
/// <param name="Contract">The loaded contract, or null when it failed to load.</param>
/// <param name="Failure">Why it failed to load, or null when it loaded.</param>
public sealed record ContractFolderEntry(string Name, Contract? Contract, ContractLoadFailure? Failure);
