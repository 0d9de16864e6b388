namespace MockGen.Storage.Audit;

/// <summary>What a caller asks <see cref="AuditLog.AppendAsync"/> to record; the log adds the sequence, time and hashes.</summary>
/// <param name="Tenant">The tenant whose log records it.</param>
/// <param name="Principal">Who acted (see <see cref="AuditEntry.Principal"/>).</param>
/// <param name="Role">The role the action needed, or empty.</param>
/// <param name="Action">What was attempted.</param>
/// <param name="Outcome">How it ended (see <see cref="AuditEntry.Outcome"/>).</param>
public sealed record AuditEvent(string Tenant, string Principal, string Role, string Action, string Outcome)
{
    /// <summary>The object acted on. Default: empty.</summary>
    public string Resource { get; init; } = string.Empty;

    /// <summary>The object's version. Default: empty.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The request or trace id. Default: empty.</summary>
    public string RequestId { get; init; } = string.Empty;

    /// <summary>A short, secret-free note. Default: empty.</summary>
    public string Detail { get; init; } = string.Empty;
}
