namespace MockGen.Ai.Prompts;

/// <summary>The prompt templates MockGen ships; a tenant's registry or a file can replace them by name.</summary>
public static class BuiltInPrompts
{
    /// <summary>The value-enrichment template's name.</summary>
    public const string EnrichValuesName = "enrich-values";

    /// <summary>
    /// The value-enrichment template: the contract's own context (target, titles, descriptions, paths, siblings,
    /// examples, lengths) and nothing from stored payloads. Parameters: target, targetContext, locale, count, fields.
    /// </summary>
    public const string EnrichValuesText = """
        You write realistic test data for an API. You never use real people, real companies' customer data, real
        email addresses, card numbers, phone numbers, national ids or bank accounts: use example.com emails,
        published test card numbers and fictional phone ranges. Answer only with JSON matching the schema.
        ---
        API payload: {{target}}
        {{targetContext}}
        Locale: {{locale}}

        For each field below give {{count}} distinct, realistic, production-looking values that fit the field's
        meaning in this payload (not lorem ipsum, not random letters) and its length limits.

        {{fields}}
        """;

    /// <summary>The value-enrichment template, parsed.</summary>
    public static PromptTemplate EnrichValues { get; } = PromptTemplate.Parse(EnrichValuesName, EnrichValuesText);

    /// <summary>The scenarios mode's default template's name.</summary>
    public const string ScenarioPayloadsName = "scenario-payloads";

    /// <summary>
    /// The scenarios mode's default template: the contract's own context and the scenario's parameters, nothing from
    /// stored payloads. Parameters: target, targetContext, locale, count, scenario, parameters (one line per
    /// parameter); a tenant's template may also name each scenario parameter itself ({{currency}}).
    /// </summary>
    public const string ScenarioPayloadsText = """
        You write realistic test payloads for an API, one test scenario at a time. You never use real people, real
        companies' customer data, real email addresses, card numbers, phone numbers, national ids or bank accounts:
        use example.com emails, published test card numbers and fictional phone ranges. Answer only with JSON
        matching the schema.
        ---
        API payload: {{target}}
        {{targetContext}}
        Locale: {{locale}}

        Scenario: {{scenario}}
        {{parameters}}

        Write {{count}} distinct, production-looking payloads that a tester would use for exactly this scenario:
        every parameter above must show in the values it governs, and everything else must stay consistent with it.
        """;

    /// <summary>The scenarios mode's default template, parsed.</summary>
    public static PromptTemplate ScenarioPayloads { get; } = PromptTemplate.Parse(ScenarioPayloadsName, ScenarioPayloadsText);
}
