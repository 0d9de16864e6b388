namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Realism settings that cannot be used: invalid <see cref="RealismOptions"/>, an unreadable or invalid profile
/// file, or an invalid <c>x-mockgen</c> hint in a contract. The message puts the location first, then the rule.
/// </summary>
public sealed class RealismConfigurationException : Exception
{
    private RealismConfigurationException(string message, string? sourceFile, string? pointer, Exception? inner = null)
        : base(message, inner)
    {
        SourceFile = sourceFile;
        JsonPointer = pointer;
    }

    /// <summary>The profile or contract file, when known.</summary>
    public string? SourceFile { get; }

    /// <summary>The JSON Pointer of the offending value inside <see cref="SourceFile"/>, when known.</summary>
    public string? JsonPointer { get; }

    internal static RealismConfigurationException InvalidOptions(IReadOnlyList<string> problems) =>
        new($"Invalid realism options: {string.Join("; ", problems)}.", null, null);

    internal static RealismConfigurationException ProfileUnreadable(string file, Exception inner) =>
        new($"{file}: cannot read the realism profile: {inner.Message}", file, null, inner);

    internal static RealismConfigurationException ProfileNotJson(string file, long? line, long? column, string problem) =>
        new($"{file}:{line + 1}:{column + 1}: the realism profile is not valid JSON: {problem}", file, null);

    internal static RealismConfigurationException Rule(string? file, string pointer, string rule) =>
        new($"{file ?? "x-mockgen"}#{pointer}: {rule}", file, pointer);
}
