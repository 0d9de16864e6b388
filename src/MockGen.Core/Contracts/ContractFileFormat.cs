namespace MockGen.Core.Contracts;

/// <summary>The syntax a contract file is written in.</summary>
public enum ContractFileFormat
{
    /// <summary>JSON (RFC 8259): strict, no comments or trailing commas, no duplicate keys.</summary>
    Json,

    /// <summary>YAML 1.2 (one document), converted to JSON with the core schema.</summary>
    Yaml,
}
