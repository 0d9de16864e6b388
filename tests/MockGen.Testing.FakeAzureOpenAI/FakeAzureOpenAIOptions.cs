using MockGen.Core.Enrichment;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>How the fake behaves when nothing is scripted; read once when the server starts.</summary>
public sealed class FakeAzureOpenAIOptions
{
    /// <summary>The key accepted in the <c>api-key</c> header, or as <c>Authorization: Bearer &lt;key&gt;</c>. Default <c>fake-key</c>.</summary>
    public string ApiKey { get; set; } = "fake-key";

    /// <summary>Extra bearer tokens accepted (an Entra token stand-in). Default none.</summary>
    public IList<string> BearerTokens { get; } = [];

    /// <summary>Deployments that exist; others get 404 <c>DeploymentNotFound</c>. Empty (the default) means every name exists.</summary>
    public IList<string> Deployments { get; } = [];

    /// <summary><c>api-version</c> values the classic surface accepts. Default <c>2024-06-01</c>, <c>2024-10-21</c> (what Azure.AI.OpenAI 2.1.0 knows).</summary>
    public IList<string> ApiVersions { get; } = ["2024-06-01", "2024-10-21"];

    /// <summary>The <c>model</c> reported in answers (a model name, never the deployment). Default <c>gpt-4o-2024-08-06</c>.</summary>
    public string Model { get; set; } = "gpt-4o-2024-08-06";

    /// <summary>The <c>system_fingerprint</c> reported in answers. Default <c>fp_fake0001</c>.</summary>
    public string SystemFingerprint { get; set; } = "fp_fake0001";

    /// <summary>The <c>created</c> Unix time reported in answers: fixed, so answers are byte-stable. Default <c>1724868330</c>.</summary>
    public long Created { get; set; } = 1_724_868_330;

    /// <summary>Salt of the seeded answer generator: the same request and seed give the same answer. Default <c>0</c>.</summary>
    public long Seed { get; set; }

    /// <summary>The strict subset <c>strict: true</c> schemas are checked against. Default <see cref="StrictSubsetLimits.Azure"/>.</summary>
    public StrictSubsetLimits StrictLimits { get; set; } = StrictSubsetLimits.Azure;

    /// <summary>Clock for <see cref="RecordedRequest.ReceivedAt"/> (retry intervals). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The port to listen on; <c>0</c> (the default) picks a free one. A restart reuses the port first bound.</summary>
    public int Port { get; set; }

    /// <summary>Largest request body read, in bytes; larger bodies get 413. Default 4 MiB.</summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;
}
