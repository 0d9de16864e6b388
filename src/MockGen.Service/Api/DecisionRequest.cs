namespace MockGen.Service.Api;

/// <summary>The optional body of an approve or reject call.</summary>
/// <param name="Reason">The approver's note, recorded on the version and in the audit log (at most 500 characters).</param>
public sealed record DecisionRequest(string? Reason = null);
