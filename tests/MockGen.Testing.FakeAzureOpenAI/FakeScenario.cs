namespace MockGen.Testing.FakeAzureOpenAI;

internal enum FakeScenario
{
    Valid,
    Content,
    SchemaViolating,
    Truncated,
    OutputFiltered,
    PromptFiltered,
    Refusal,
    Throttled,
    ServerError,
    PiiLaden,
    Drift,
    Slow,
    Raw,
}
