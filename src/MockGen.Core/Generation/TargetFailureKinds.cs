namespace MockGen.Core.Generation;

/// <summary>The values of <see cref="TargetFailure.Kind"/>.</summary>
public static class TargetFailureKinds
{
    /// <summary>A proven conflict: no valid payload exists. The target gets no payload.</summary>
    public const string Unsatisfiable = "unsatisfiable";

    /// <summary>The schema may be satisfiable but the generator cannot build a value (e.g. an unsupported pattern).</summary>
    public const string Unsupported = "unsupported";

    /// <summary>No valid candidate within the attempt budget, with no conflict proven.</summary>
    public const string GaveUp = "gave up";

    /// <summary>The target cannot be generated at all: its schema does not compile, or an <c>x-mockgen</c> hint is malformed.</summary>
    public const string Invalid = "invalid";
}
