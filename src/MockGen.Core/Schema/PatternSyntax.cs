namespace MockGen.Core.Schema;

/// <summary>Which ECMA-262 grammar a <c>pattern</c> (or <c>patternProperties</c> name) was read with.</summary>
public enum PatternSyntax
{
    /// <summary>
    /// The <c>u</c> flag (ES2024 §22.2.1 with [UnicodeMode]): what JSON Schema means by <c>pattern</c>. The
    /// pattern and the input are sequences of code points; only syntax characters may be escaped.
    /// </summary>
    Unicode,

    /// <summary>
    /// No flag, with the web-compatibility grammar of ES2024 Annex B.1.2 (what <c>new RegExp(p)</c> accepts):
    /// identity escapes such as <c>\_</c>, a lone <c>{</c>, <c>}</c> or <c>]</c>, legacy octal escapes, and
    /// <c>-</c> next to a class escape as a literal. The pattern and the input are sequences of UTF-16 code units.
    /// </summary>
    AnnexB,
}
