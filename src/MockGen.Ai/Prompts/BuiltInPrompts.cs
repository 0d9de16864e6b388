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

    /// <summary>The edge-case template's name.</summary>
    public const string EdgeCasesName = "edge-cases";

    /// <summary>
    /// The edge-case template: valid but tricky payloads for one target, from the contract's own context (the schema
    /// travels as the strict response format, its constraints in descriptions). Parameters: target, targetContext,
    /// locale, count.
    /// </summary>
    public const string EdgeCasesText = """
        You are an experienced API tester writing test data. You never use real people, real companies' customer
        data, real email addresses, card numbers, phone numbers, national ids or bank accounts: use example.com emails,
        published test card numbers and fictional phone ranges. Answer only with JSON matching the schema, and keep
        every value within the constraints stated in the schema's descriptions.
        ---
        API payload: {{target}}
        {{targetContext}}
        Locale: {{locale}}

        Write {{count}} payloads that are valid but tricky, each testing something different that a careless
        implementation gets wrong: very long and non-Latin unicode names (accents, CJK, right-to-left, emoji),
        values exactly on their minimum and maximum, boundary dates (leap days, year ends, time zone offsets),
        optional fields absent or null where allowed, empty but legal arrays and strings, and unusual but legal
        combinations of fields.
        """;

    /// <summary>The edge-case template, parsed.</summary>
    public static PromptTemplate EdgeCases { get; } = PromptTemplate.Parse(EdgeCasesName, EdgeCasesText);
}
