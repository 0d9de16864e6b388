using System.Text.Json;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// The proposed payloads of one target (edge cases from a model, already mapped back from the strict schema and
/// through the PII guard by the host), and the provenance stamped on the payloads made from them. The edge variant's
/// index <c>i</c> is made from proposal <c>i</c>; indexes past the last are generated like boundary payloads.
/// Proposals are candidates, never payloads: each is repaired and gated.
/// </summary>
public sealed class TargetProposals
{
    private readonly JsonElement[] _payloads;

    /// <summary>Creates the proposals of one target (each element is cloned).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TargetProposals(string targetId, PayloadAiMeta ai, IEnumerable<JsonElement> payloads)
    {
        ArgumentNullException.ThrowIfNull(targetId);
        ArgumentNullException.ThrowIfNull(ai);
        ArgumentNullException.ThrowIfNull(payloads);
        TargetId = targetId;
        Ai = ai;
        _payloads = [.. payloads.Select(p => p.Clone())];
    }

    /// <summary>The target id.</summary>
    public string TargetId { get; }

    /// <summary>The provenance written into <c>meta.ai</c> of the payloads made from a proposal.</summary>
    public PayloadAiMeta Ai { get; }

    /// <summary>The number of proposals.</summary>
    public int Count => _payloads.Length;

    /// <summary>The proposal for a payload index, or null past the last.</summary>
    public JsonElement? For(long index) => index >= 0 && index < _payloads.Length ? _payloads[index] : null;
}
