using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Leaves;

/// <summary>
/// Where realistic leaf values come from. The walker decides shape and asks this for strings and numbers;
/// "no opinion" (false) sends it to its own fallback. Implementations must be thread-safe and draw all
/// randomness from the given <see cref="Prng"/>.
/// </summary>
internal interface ILeafValueSource
{
    /// <summary>Starts the coherence record of one object (a person's name and email agree, and so on).</summary>
    object? BeginRecord(Prng rng);

    bool TryString(LeafRequest request, Prng rng, out string value);

    bool TryNumber(LeafRequest request, Prng rng, out ExactDecimal value);
}
