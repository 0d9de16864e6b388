namespace MockGen.Core.Validation;

/// <summary>
/// One failed assertion, in the JSON Schema "basic" output shape. The generator's negative variants report
/// exactly <see cref="Keyword"/>, <see cref="InstanceLocation"/> and <see cref="KeywordLocation"/>: these are stable.
/// </summary>
/// <param name="InstanceLocation">JSON Pointer to the failing value in the instance (<c>""</c> for the root).</param>
/// <param name="KeywordLocation">JSON Pointer through the schema as evaluated, <c>$ref</c>s included (e.g. <c>/properties/price/$ref/multipleOf</c>).</param>
/// <param name="AbsoluteKeywordLocation">The keyword's absolute URI (resource URI plus pointer fragment).</param>
/// <param name="Keyword">The keyword that failed (e.g. <c>multipleOf</c>).</param>
/// <param name="Message">What is wrong, location first: <c>/price: 12.345 is not a multiple of 0.01</c>.</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string AbsoluteKeywordLocation, string Keyword, string Message);
