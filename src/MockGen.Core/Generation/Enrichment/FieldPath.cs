using System.Text;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// The field path of a value: its JSON Pointer with every all-digit segment written <c>*</c>, so every item of an
/// array shares one pool. (A property literally named with digits shares the same spelling; the pool is then shared
/// too, which costs realism, never validity: the walker checks every drawn value and the gate checks the payload.)
/// </summary>
public static class FieldPath
{
    /// <summary>Normalises a JSON Pointer into a field path.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="jsonPointer"/> is null.</exception>
    public static string FromPointer(string jsonPointer)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        if (jsonPointer.Length == 0)
        {
            return jsonPointer;
        }

        var builder = new StringBuilder(jsonPointer.Length);
        foreach (var segment in jsonPointer.Split('/').Skip(1))
        {
            builder.Append('/');
            builder.Append(segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "*" : segment);
        }

        return builder.ToString();
    }

    /// <summary>The field path of a leaf request: a map entry's own (random) key is written <c>*</c> too, so a map shares one pool.</summary>
    internal static string Of(Leaves.LeafRequest request) =>
        request.MapEntry ? FromPointer(request.ParentPointer) + "/*" : FromPointer(request.InstancePointer);
}
