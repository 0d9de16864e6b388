namespace MockGen.Service.Auth;

/// <summary>A newly created (or rotated) key: its record and, this once, its secret.</summary>
/// <param name="Key">The stored metadata.</param>
/// <param name="Secret">The secret to present as <c>X-Api-Key</c>; shown only here and never stored.</param>
public sealed record CreatedApiKey(ApiKeyRecord Key, string Secret);
