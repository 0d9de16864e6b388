namespace MockGen.Core.Generation.Patterns;

/// <summary>The zero-width assertions of ECMA-262.</summary>
internal enum AssertionKind
{
    /// <summary><c>^</c></summary>
    Start,

    /// <summary><c>$</c></summary>
    End,

    /// <summary><c>\b</c></summary>
    WordBoundary,

    /// <summary><c>\B</c></summary>
    NotWordBoundary,

    /// <summary><c>(?=...)</c></summary>
    Lookahead,

    /// <summary><c>(?!...)</c></summary>
    NegativeLookahead,

    /// <summary><c>(?&lt;=...)</c></summary>
    Lookbehind,

    /// <summary><c>(?&lt;!...)</c></summary>
    NegativeLookbehind,
}
