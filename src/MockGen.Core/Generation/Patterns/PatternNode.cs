namespace MockGen.Core.Generation.Patterns;

/// <summary>A node of a parsed ECMA-262 pattern, with the code-point length range of the strings it matches.</summary>
internal abstract class PatternNode
{
    /// <summary>Stands for "no upper bound" in <see cref="MaxLength"/>; length sums saturate at it.</summary>
    public const int Unbounded = int.MaxValue;

    public abstract int MinLength { get; }

    public abstract int MaxLength { get; }

    public static int AddLengths(int a, int b) => a == Unbounded || b == Unbounded || (long)a + b >= Unbounded ? Unbounded : a + b;

    public static int MultiplyLength(int length, int count)
    {
        if (length == 0 || count == 0)
        {
            return 0;
        }

        return length == Unbounded || count == Unbounded || (long)length * count >= Unbounded ? Unbounded : length * count;
    }
}
