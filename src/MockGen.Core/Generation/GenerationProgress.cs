namespace MockGen.Core.Generation;

/// <summary>A progress report: payloads done out of the run's total.</summary>
/// <param name="Done">Payloads produced (or given up on) so far in the run.</param>
/// <param name="Total">Payloads the run will attempt.</param>
/// <param name="Target">The target being generated.</param>
/// <param name="Variant">The variant being generated.</param>
public readonly record struct GenerationProgress(long Done, long Total, string Target, GenerationVariant Variant);
