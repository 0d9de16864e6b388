namespace MockGen.Core.Contracts;

/// <summary>A file of a folder that looked like a contract but could not be loaded.</summary>
/// <param name="Name">The file's path relative to the folder, with <c>/</c>.</param>
/// <param name="Error">Why it failed; the message names the file and location.</param>
public sealed record ContractLoadFailure(string Name, ContractException Error);
