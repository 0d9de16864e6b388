namespace MockGen.Service.Api;

/// <summary>The optional body of <c>POST /v1/tenants/{tenant}/keys/{keyId}/rotate</c>.</summary>
/// <param name="OverlapHours">How long the old key keeps working beside the new one (0..720). Default: 24.</param>
public sealed record RotateKeyRequest(int? OverlapHours = null);
