namespace MockGen.Service.Api;

/// <summary>The body of <c>POST /v1/tenants/{tenant}/runs/{runId}/drift</c>.</summary>
/// <param name="Version">The contract version to re-validate the run's dataset against.</param>
/// <param name="Contract">The contract name; default: the run's contract.</param>
public sealed record DriftRequest(string Version, string? Contract = null);
