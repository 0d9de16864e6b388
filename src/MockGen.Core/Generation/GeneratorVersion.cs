namespace MockGen.Core.Generation;

/// <summary>The generator's identity, recorded in every dataset record's <c>meta.generator</c>.</summary>
/// <remarks>
/// Bump it whenever the same inputs would produce different bytes (a new keyword strategy, a changed
/// stream layout, new locale data): lineage then tells which generator produced a stored payload.
/// </remarks>
public static class GeneratorVersion
{
    /// <summary>The current generator version, <c>mockgen-generator/1.2.0</c>.</summary>
    public const string Value = "mockgen-generator/1.2.0";
}
