namespace MockGen.Core.Generation.Gate;

/// <summary>One failure the validator reports for a candidate payload.</summary>
internal sealed record GateError(string InstanceLocation, string KeywordLocation, string Keyword, string Message);
