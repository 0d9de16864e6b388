namespace MockGen.Storage.Engine;

/// <summary>What the contract loader says about an uploaded contract.</summary>
/// <param name="Version">The contract version, <c>sha256:&lt;hex&gt;</c> over its canonical bytes.</param>
/// <param name="Format">The contract kind, e.g. <c>openapi-3.1</c> or <c>json-schema-2020-12</c>.</param>
/// <param name="Succeeded">False when the contract could not be loaded; <paramref name="Diagnostics"/> says why.</param>
/// <param name="Targets">The targets, in the loader's (stable) order; empty when loading failed.</param>
/// <param name="Diagnostics">Messages naming line/column or JSON Pointer and the rule broken.</param>
public sealed record ContractInspection(string Version, string Format, bool Succeeded, IReadOnlyList<ContractTarget> Targets, IReadOnlyList<string> Diagnostics);
