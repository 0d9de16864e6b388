using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Leaves;

/// <summary>
/// The leaf source used when no realism engine is configured: formats come from the realism library's
/// <see cref="FormatGenerator"/> (the one format generator of the project); everything else is left to the walker.
/// </summary>
internal sealed class FallbackLeafSource : ILeafValueSource
{
    public static FallbackLeafSource Instance { get; } = new();

    public object? BeginRecord(Prng rng) => null;

    public bool TryNumber(LeafRequest request, Prng rng, out ExactDecimal value)
    {
        value = ExactDecimal.Zero;
        return false;
    }

    public bool TryString(LeafRequest request, Prng rng, out string value)
    {
        value = string.Empty;
        return request.Format is { } format && FormatGenerator.IsKnown(format)
            && FormatGenerator.TryGenerate(format, rng, request.MinLength, request.MaxLength, out value);
    }
}
