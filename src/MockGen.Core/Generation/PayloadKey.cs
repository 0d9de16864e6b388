using System.Globalization;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation;

/// <summary>
/// Everything that identifies one payload. Its random stream is a pure function of these fields, so
/// index 500 generated alone equals index 500 of a run of 1,000, on any machine and thread count.
/// </summary>
/// <param name="ContractVersion">The contract's <c>sha256:</c> version.</param>
/// <param name="TargetId">The target's id (its schema's JSON Pointer in URI-fragment form).</param>
/// <param name="Variant">The variant being generated.</param>
/// <param name="Seed">The run's seed, as the user gave it.</param>
/// <param name="Tenant">The run's tenant, empty when none.</param>
/// <param name="Environment">The run's environment, empty when none.</param>
/// <param name="Index">The payload's index within its target and variant.</param>
internal readonly record struct PayloadKey(
    string ContractVersion,
    string TargetId,
    GenerationVariant Variant,
    string Seed,
    string Tenant,
    string Environment,
    long Index)
{
    /// <summary>
    /// The named scenario the payload is the deterministic base of, or null. Only a scenario adds a part to the
    /// seed, so every payload generated without one keeps its bytes.
    /// </summary>
    public string? Scenario { get; init; }

    /// <summary>
    /// The stream of attempt <paramref name="attempt"/>: attempt 0 is the first candidate, later ones are the
    /// gate's retries, each from its own derived seed so a retry never replays the rejected candidate.
    /// </summary>
    public Prng CreatePrng(int attempt = 0)
    {
        // A version tag first: changing the layout of the parts must be a deliberate, visible act.
        var root = Scenario is null
            ? Prng.FromParts(
                "mockgen/payload/v1",
                ContractVersion,
                TargetId,
                Variant.ToName(),
                Seed,
                Tenant,
                Environment,
                Index.ToString(CultureInfo.InvariantCulture))
            : Prng.FromParts(
                "mockgen/payload/v1",
                ContractVersion,
                TargetId,
                Variant.ToName(),
                Seed,
                Tenant,
                Environment,
                Index.ToString(CultureInfo.InvariantCulture),
                "scenario",
                Scenario);
        return attempt == 0 ? root : root.Fork("retry/" + attempt.ToString(CultureInfo.InvariantCulture));
    }
}
