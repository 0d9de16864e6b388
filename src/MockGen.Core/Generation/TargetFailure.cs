using System.Globalization;

namespace MockGen.Core.Generation;

/// <summary>Why a target, or one payload index of it, produced no payload.</summary>
/// <param name="Kind">One of <see cref="TargetFailureKinds"/>.</param>
/// <param name="Reason">What could not be met.</param>
/// <param name="SchemaLocation">The keyword path responsible (the target id when the whole target is invalid).</param>
/// <param name="Index">The payload index that failed, or null when the failure is the target's as a whole.</param>
public sealed record TargetFailure(string Kind, string Reason, string SchemaLocation, long? Index)
{
    /// <summary>Candidates tried before giving up (0 when nothing was tried).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// The failure as one line, location first: <c>unsatisfiable at #/minLength (index 0): minLength 5 is above maxLength 2</c>,
    /// <c>gave up after 20 attempts at #/properties/a (index 3): …</c>.
    /// </summary>
    public string Describe()
    {
        var index = Index is { } i ? string.Create(CultureInfo.InvariantCulture, $" (index {i})") : string.Empty;
        var what = Kind == TargetFailureKinds.GaveUp && Attempts > 0
            ? string.Create(CultureInfo.InvariantCulture, $"gave up after {Attempts} attempts")
            : Kind;
        return $"{what} at {SchemaLocation}{index}: {Reason}";
    }
}
