namespace MockGen.Core.Contracts;

/// <summary>How serious a <see cref="ContractDiagnostic"/> is.</summary>
public enum ContractDiagnosticSeverity
{
    /// <summary>The contract breaks its specification; targets may still load, but the contract should be fixed.</summary>
    Error,

    /// <summary>Something worth a look that does not break the specification.</summary>
    Warning,
}
