using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Patterns;

/// <summary>An immutable set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges.</summary>
internal sealed class CodePointSet
{
    public const int MaxCodePoint = 0x10FFFF;

    private static readonly CodePointSet s_alphanumeric = FromRanges([('0', '9'), ('A', 'Z'), ('a', 'z')]);
    private static readonly CodePointSet s_printableAscii = FromRanges([(0x20, 0x7E)]);
    private static readonly CodePointSet s_latinAndCommon = FromRanges([(0xA1, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF)]);

    // Surrogates are not scalar values and C0/C1 controls make unreadable payloads; they are drawn only when a
    // class offers nothing else.
    private static readonly CodePointSet s_scalarsWithoutControls =
        FromRanges([(0x20, 0x7E), (0xA0, 0xD7FF), (0xE000, 0xFFFD), (0x10000, MaxCodePoint)]);

    private readonly (int Start, int End)[] _ranges;

    private CodePointSet((int Start, int End)[] normalizedRanges)
    {
        _ranges = normalizedRanges;
    }

    public static CodePointSet Empty { get; } = new([]);

    public static CodePointSet All { get; } = new([(0, MaxCodePoint)]);

    public bool IsEmpty => _ranges.Length == 0;

    public IReadOnlyList<(int Start, int End)> Ranges => _ranges;

    public long Count
    {
        get
        {
            long count = 0;
            foreach (var (start, end) in _ranges)
            {
                count += end - start + 1L;
            }

            return count;
        }
    }

    public static CodePointSet Single(int codePoint) => new([(codePoint, codePoint)]);

    public static CodePointSet FromRanges(IEnumerable<(int Start, int End)> ranges)
    {
        var sorted = ranges.Where(r => r.Start <= r.End).OrderBy(r => r.Start).ToList();
        var merged = new List<(int Start, int End)>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End + 1)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return new CodePointSet([.. merged]);
    }

    public CodePointSet Union(CodePointSet other) => FromRanges(_ranges.Concat(other._ranges));

    public CodePointSet Complement()
    {
        var result = new List<(int Start, int End)>();
        var next = 0;
        foreach (var (start, end) in _ranges)
        {
            if (start > next)
            {
                result.Add((next, start - 1));
            }

            next = end + 1;
        }

        if (next <= MaxCodePoint)
        {
            result.Add((next, MaxCodePoint));
        }

        return new CodePointSet([.. result]);
    }

    public CodePointSet Intersect(CodePointSet other)
    {
        var result = new List<(int Start, int End)>();
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            var start = Math.Max(_ranges[i].Start, other._ranges[j].Start);
            var end = Math.Min(_ranges[i].End, other._ranges[j].End);
            if (start <= end)
            {
                result.Add((start, end));
            }

            if (_ranges[i].End < other._ranges[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new CodePointSet([.. result]);
    }

    public bool Contains(int codePoint)
    {
        int lo = 0, hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < _ranges[mid].Start)
            {
                hi = mid - 1;
            }
            else if (codePoint > _ranges[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A code point of this set, preferring readable ones: ASCII letters and digits, then printable ASCII, then
    /// Latin/Greek/Cyrillic letters, then any non-control scalar, then anything in the set.
    /// </summary>
    public int Pick(Prng rng)
    {
        foreach (var tier in (ReadOnlySpan<CodePointSet>)[s_alphanumeric, s_printableAscii, s_latinAndCommon, s_scalarsWithoutControls])
        {
            var preferred = Intersect(tier);
            if (!preferred.IsEmpty)
            {
                return preferred.PickUniform(rng);
            }
        }

        return PickUniform(rng);
    }

    /// <summary>A code point drawn uniformly from the whole set.</summary>
    public int PickUniform(Prng rng)
    {
        var index = rng.NextInt64(0, Count - 1);
        foreach (var (start, end) in _ranges)
        {
            var size = end - start + 1L;
            if (index < size)
            {
                return (int)(start + index);
            }

            index -= size;
        }

        throw new InvalidOperationException("Cannot pick from an empty code point set.");
    }

    public override string ToString()
    {
        var text = new StringBuilder("[");
        foreach (var (start, end) in _ranges)
        {
            text.Append(start.ToString("X", System.Globalization.CultureInfo.InvariantCulture));
            if (end != start)
            {
                text.Append('-').Append(end.ToString("X", System.Globalization.CultureInfo.InvariantCulture));
            }

            text.Append(' ');
        }

        return text.Append(']').ToString();
    }
}
