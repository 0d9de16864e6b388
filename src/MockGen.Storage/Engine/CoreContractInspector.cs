using MockGen.Core.Contracts;

namespace MockGen.Storage.Engine;

/// <summary>The contract-inspection seam implemented by Core's <see cref="ContractLoader"/>.</summary>
public sealed class CoreContractInspector : IContractInspector
{
    private readonly ContractLoader _loader;

    /// <summary>Creates the inspector; <paramref name="options"/> defaults to the loader's defaults.</summary>
    public CoreContractInspector(ContractLoaderOptions? options = null)
    {
        _loader = new ContractLoader(options);
    }

    /// <inheritdoc/>
    public ContractInspection Inspect(string name, ReadOnlyMemory<byte> content)
    {
        Contract contract;
        try
        {
            contract = _loader.Load(name, content);
        }
        catch (ContractException e)
        {
            // A contract that does not load has no canonical version: the raw bytes' hash keys the failed version.
            return new ContractInspection(ContentHash.Version(content.Span), "unknown", false, [], [e.Message]);
        }

        // A target whose schema does not compile (unknown $ref, invalid keyword, a missing referenced file) is a
        // diagnostic, and its shards fail in a run; the version is usable as long as one target compiles (issue 9:
        // one invalid component must not drop the whole document). With no target at all, any error fails it.
        var targetProblems = contract.CheckTargets();
        var diagnostics = contract.Diagnostics.Concat(targetProblems).ToList();
        var usable = contract.Targets.Count == 0 ? !contract.HasErrors : targetProblems.Count < contract.Targets.Count;
        return new ContractInspection(
            contract.Version,
            FormatOf(contract),
            usable,
            contract.Targets.Select(t => new ContractTarget(t.Id, t.Name)).ToList(),
            diagnostics.Select(d => d.ToString()).ToList());
    }

    internal static string FormatOf(Contract contract) =>
        contract.SpecificationVersion is null ? contract.Kind.ToString() : contract.Kind + " " + contract.SpecificationVersion;
}
