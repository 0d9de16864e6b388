namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>Which Azure OpenAI REST surface a request came in on.</summary>
public enum FakeSurface
{
    /// <summary><c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c> (Azure.AI.OpenAI 2.1.0).</summary>
    Classic,

    /// <summary><c>POST /openai/v1/chat/completions</c>, the deployment in body <c>model</c> (OpenAI 2.15 on the v1 endpoint).</summary>
    V1,
}
