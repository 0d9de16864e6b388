namespace MockGen.Storage.Diff;

/// <summary>One difference between two contract versions.</summary>
/// <param name="Severity">Breaking or non-breaking.</param>
/// <param name="Rule">A stable code, e.g. <c>property-removed</c>, <c>required-added</c>, <c>enum-value-removed</c>.</param>
/// <param name="Target">The target id the change is under.</param>
/// <param name="Path">The schema path inside the target's schema (JSON Pointer, <c>$ref</c>s followed), empty for the target itself.</param>
/// <param name="Message">What changed, for a person.</param>
public sealed record ContractChange(ChangeSeverity Severity, string Rule, string Target, string Path, string Message);
