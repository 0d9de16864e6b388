namespace MockGen.Core.Contracts;

/// <summary>The validated limits a loader copies from its options, so later option changes change nothing.</summary>
internal sealed record ContractLoaderLimits(long MaxFileBytes, int MaxDepth, int MaxYamlAliasNodes, int MaxDocuments);
