namespace MockGen.Service.Api;

/// <summary>The body of <c>POST …/contracts/{name}/active</c> (and <c>…/profile/active</c>): make an approved version the active one again.</summary>
/// <param name="Version">The version to activate.</param>
/// <param name="Revalidate">
/// For contracts: also re-validate the latest sealed dataset of the contract against this version with the drift run
/// (nothing is regenerated). Default: false.
/// </param>
public sealed record ActivateRequest(string Version, bool Revalidate = false);
