namespace MockGen.Core.Generation.Output;

/// <summary>
/// The AI provenance of a payload (<c>meta.ai</c>): which deployment and model answered, under which prompt version,
/// and the cassette entry the answer is replayed from.
/// </summary>
/// <param name="Deployment">The Azure OpenAI deployment name.</param>
/// <param name="Model">The model that answered (from the response, not the deployment), or null when unknown.</param>
/// <param name="PromptVersion">The prompt template's <c>sha256:</c> version.</param>
/// <param name="CassetteKey">The cassette key (SHA-256 of MockGen's canonical request record) of the answer used.</param>
public sealed record PayloadAiMeta(string Deployment, string? Model, string PromptVersion, string CassetteKey);
