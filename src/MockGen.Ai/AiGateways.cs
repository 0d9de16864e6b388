using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;

namespace MockGen.Ai;

/// <summary>
/// Assembles the gateway a run uses, outermost first: the circuit, the cassette, then (record and live modes only)
/// the live Azure OpenAI gateway with MockGen's retry loop. Hosts (CLI, pipeline, Functions) build it the same way.
/// </summary>
public static class AiGateways
{
    /// <summary>Builds the stack.</summary>
    /// <param name="mode">The cassette mode; replay builds no live client and needs no endpoint or credentials.</param>
    /// <param name="cassettes">Where cassette entries live.</param>
    /// <param name="tenant">The run's tenant (its cassette folder), or null.</param>
    /// <param name="live">The live gateway's options; required unless <paramref name="mode"/> is replay.</param>
    /// <param name="circuitThreshold">Consecutive failed exchanges after which the circuit opens. Default 3.</param>
    /// <param name="clock">Stamps recorded entries; default the system clock.</param>
    /// <exception cref="ArgumentException">Record or live mode without valid live options.</exception>
    public static IModelGateway Build(CassetteMode mode, CassetteStore cassettes, string? tenant, AzureOpenAIGatewayOptions? live, int circuitThreshold = 3, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(cassettes);
        IModelGateway? client = null;
        if (mode != CassetteMode.Replay)
        {
            client = new AzureOpenAIGateway(live ?? throw new ArgumentException(mode.ToString().ToLowerInvariant() + " mode calls Azure OpenAI: an endpoint is required (--ai-endpoint or AZURE_OPENAI_ENDPOINT)", nameof(live)));
        }

        return new CircuitBreakerGateway(new CassetteGateway(client, cassettes, tenant, mode, clock), circuitThreshold);
    }
}
