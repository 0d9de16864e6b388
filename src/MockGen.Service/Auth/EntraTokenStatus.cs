namespace MockGen.Service.Auth;

/// <summary>What validating a bearer token as an Entra ID token concluded.</summary>
internal enum EntraTokenStatus
{
    /// <summary>Issuer, audience, signature, algorithm and lifetime all hold.</summary>
    Valid,

    /// <summary>The token fails some check; the caller gets 401 without the reason.</summary>
    Refused,

    /// <summary>The authority's metadata could not be read, so no token can be checked (503).</summary>
    Unavailable,
}
