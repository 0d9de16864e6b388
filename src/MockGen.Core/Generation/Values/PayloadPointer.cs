using System.Globalization;

namespace MockGen.Core.Generation.Values;

/// <summary>JSON Pointer navigation and replacement inside a payload tree.</summary>
internal static class PayloadPointer
{
    public static PayloadValue? Find(PayloadValue root, string pointer)
    {
        var current = root;
        foreach (var segment in Segments(pointer))
        {
            current = current switch
            {
                PayloadObject o => o.Get(segment),
                PayloadArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Items.Count => a.Items[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Returns <paramref name="root"/> with the value at <paramref name="pointer"/> replaced (the root itself for "").</summary>
    public static PayloadValue? Replace(PayloadValue root, string pointer, PayloadValue replacement)
    {
        if (pointer.Length == 0)
        {
            return replacement;
        }

        var slash = pointer.LastIndexOf('/');
        var parent = Find(root, pointer[..slash]);
        var last = Unescape(pointer[(slash + 1)..]);
        switch (parent)
        {
            case PayloadObject o when o.Has(last):
                o.Set(last, replacement);
                return root;
            case PayloadArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Items.Count:
                a.Items[i] = replacement;
                return root;
            default:
                return null;
        }
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(Unescape);

    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
