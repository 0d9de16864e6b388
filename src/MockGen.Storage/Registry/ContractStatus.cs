namespace MockGen.Storage.Registry;

/// <summary>Whether an uploaded contract version can be used for runs.</summary>
public enum ContractStatus
{
    /// <summary>The contract loaded; runs may use it.</summary>
    Ready,

    /// <summary>The contract could not be loaded; its diagnostics say why.</summary>
    Failed,
}
