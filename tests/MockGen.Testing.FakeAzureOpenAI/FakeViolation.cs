namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>How a schema-violating answer breaks the schema (the gate must catch each).</summary>
public enum FakeViolation
{
    /// <summary>The first property of the payload object gets a value of the wrong JSON type.</summary>
    WrongType,

    /// <summary>The first property of the payload object is left out.</summary>
    MissingField,

    /// <summary>An extra property <c>unexpected_field</c> is added to the payload object.</summary>
    ExtraField,
}
