namespace MockGen.Core.Generation;

/// <summary>The outcome of generating one payload: <see cref="Generated"/>, <see cref="Unsatisfiable"/>, <see cref="GaveUp"/> or <see cref="Unsupported"/>.</summary>
internal abstract record GenerationResult
{
    /// <summary>Gate attempts used (1 when the first candidate passed).</summary>
    public int Attempts { get; init; }
}
