using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Patterns;

/// <summary>One generation attempt: the output so far, its length in code points, and the captures.</summary>
internal sealed class PatternWalk(Prng rng, int captureCount, int hardLimit)
{
    private const int ExtraRepeats = 6;
    private const int StepLimit = 200_000;

    private readonly StringBuilder _output = new();
    private readonly string?[] _captures = new string?[captureCount + 1];
    private int _steps;
    private int _repeatDepth;

    public string Result => _output.ToString();

    public int Length { get; private set; }

    public bool Generate(PatternNode node, int lo, int hi)
    {
        // Nested quantifiers such as ((a*)*)* multiply; the step budget bounds any pattern's cost.
        if (++_steps > StepLimit)
        {
            return false;
        }

        switch (node)
        {
            case CharSetNode charSet:
                if (charSet.Set.IsEmpty)
                {
                    return false;
                }

                var picked = charSet.Set.Pick(rng);
                if (picked is >= 0xD800 and <= 0xDFFF)
                {
                    // Annex B patterns are read as code units: a surrogate is one unit of a pair the pattern spells out.
                    _output.Append((char)picked);
                }
                else
                {
                    _output.Append(char.ConvertFromUtf32(picked));
                }

                Length++;
                return Length <= hardLimit;
            case SequenceNode sequence:
                return GenerateSequence(sequence.Items, lo, hi);
            case AlternationNode alternation:
                {
                    var fitting = alternation.Alternatives.Where(a => a.MinLength <= hi && a.MaxLength >= lo).ToList();
                    var chosen = rng.Pick(fitting.Count > 0 ? fitting : alternation.Alternatives);
                    return Generate(chosen, lo, hi);
                }

            case RepeatNode repeat:
                return GenerateRepeat(repeat, lo, hi);
            case GroupNode group:
                {
                    var start = _output.Length;
                    if (!Generate(group.Item, lo, hi))
                    {
                        return false;
                    }

                    if (group.CaptureIndex > 0)
                    {
                        _captures[group.CaptureIndex] = _output.ToString(start, _output.Length - start);
                    }

                    return true;
                }

            case BackreferenceNode backreference:
                {
                    var captured = _captures[backreference.CaptureIndex] ?? string.Empty;
                    _output.Append(captured);
                    Length += captured.EnumerateRunes().Count();
                    return Length <= hardLimit;
                }

            case AssertionNode:
                return true;
            default:
                throw new InvalidOperationException($"Unknown pattern node {node.GetType().Name}.");
        }
    }

    private bool GenerateSequence(IReadOnlyList<PatternNode> items, int lo, int hi)
    {
        var restMin = new int[items.Count + 1];
        var restMax = new int[items.Count + 1];
        for (var i = items.Count - 1; i >= 0; i--)
        {
            restMin[i] = PatternNode.AddLengths(restMin[i + 1], items[i].MinLength);
            restMax[i] = PatternNode.AddLengths(restMax[i + 1], items[i].MaxLength);
        }

        var startLength = Length;
        for (var i = 0; i < items.Count; i++)
        {
            var produced = Length - startLength;
            var (childLo, childHi) = ChildBudget(items[i].MinLength, items[i].MaxLength, lo - produced, hi - produced, restMin[i + 1], restMax[i + 1]);
            if (!Generate(items[i], childLo, childHi))
            {
                return false;
            }
        }

        return true;
    }

    private bool GenerateRepeat(RepeatNode repeat, int lo, int hi)
    {
        var itemMin = repeat.Item.MinLength;
        var itemMax = repeat.Item.MaxLength;
        int count;
        if (itemMax == 0)
        {
            count = Math.Min(repeat.Min, 1);
        }
        else
        {
            var countMin = Math.Max(repeat.Min, itemMax == PatternNode.Unbounded ? (lo > 0 ? 1 : 0) : CeilingDivide(lo, itemMax));
            var countMax = Math.Min(repeat.Max, itemMin == 0 ? PatternNode.Unbounded : hi / itemMin);
            if (countMin > countMax)
            {
                countMin = countMax = Math.Max(repeat.Min, Math.Min(countMin, countMax));
            }

            // Optional repetitions shrink with nesting depth, so ((a*)*)* stays small instead of growing as 7^depth.
            var extra = ExtraRepeats >> Math.Min(_repeatDepth, 8);
            var top = repeat.Max == PatternNode.Unbounded || countMax == PatternNode.Unbounded
                ? (int)Math.Min(countMax, (long)countMin + extra)
                : countMax;
            count = rng.NextInt(countMin, Math.Max(countMin, top));
        }

        if (count > hardLimit)
        {
            return false;
        }

        var startLength = Length;
        _repeatDepth++;
        try
        {
            return GenerateCopies(repeat.Item, count, itemMin, itemMax, lo, hi, startLength);
        }
        finally
        {
            _repeatDepth--;
        }
    }

    private bool GenerateCopies(PatternNode item, int count, int itemMin, int itemMax, int lo, int hi, int startLength)
    {
        for (var i = 0; i < count; i++)
        {
            var remaining = count - i - 1;
            var produced = Length - startLength;
            var (childLo, childHi) = ChildBudget(
                itemMin, itemMax, lo - produced, hi - produced,
                PatternNode.MultiplyLength(itemMin, remaining), PatternNode.MultiplyLength(itemMax, remaining));
            if (!Generate(item, childLo, childHi))
            {
                return false;
            }
        }

        return true;
    }

    // The child's share of [lo, hi]: enough that the rest can still reach lo, little enough that the rest's
    // minimum still fits under hi. Clamped to what the child can produce; the final length check catches the rest.
    private static (int Lo, int Hi) ChildBudget(int childMin, int childMax, int lo, int hi, int restMin, int restMax)
    {
        var childLo = restMax == PatternNode.Unbounded ? childMin : Math.Max(childMin, lo - restMax);
        var childHi = Math.Min(childMax, hi - restMin);
        childLo = Math.Min(childLo, childMax);
        childHi = Math.Max(childHi, childMin);
        return (childLo, Math.Max(childLo, childHi));
    }

    private static int CeilingDivide(int a, int b) => a <= 0 ? 0 : (int)(((long)a + b - 1) / b);
}
