namespace MockGen.Storage.Engine;

/// <summary>One validation failure, in the JSON Schema "basic" output shape.</summary>
/// <param name="InstanceLocation">JSON Pointer into the payload.</param>
/// <param name="KeywordLocation">JSON Pointer of the failing keyword in the schema.</param>
/// <param name="Keyword">The keyword, e.g. <c>required</c>.</param>
/// <param name="Message">A message a person can act on.</param>
public sealed record PayloadViolation(string InstanceLocation, string KeywordLocation, string Keyword, string Message);
