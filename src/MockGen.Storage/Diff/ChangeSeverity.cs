namespace MockGen.Storage.Diff;

/// <summary>Whether a contract change can break existing payloads or clients.</summary>
public enum ChangeSeverity
{
    /// <summary>Payloads valid before may now be invalid (removed, newly required, narrowed).</summary>
    Breaking,

    /// <summary>Everything valid before stays valid (optional additions, widened bounds).</summary>
    NonBreaking,
}
