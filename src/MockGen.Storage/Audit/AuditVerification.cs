namespace MockGen.Storage.Audit;

/// <summary>The result of <see cref="AuditLog.VerifyAsync"/>: whether the chain is whole, and where it breaks.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Entries">Entries read.</param>
/// <param name="HeadSequence">The sequence the log's head says was written last (0 for an empty log).</param>
/// <param name="HeadHash">The hash of the last entry, to record outside the store: a later verify against it also detects truncation.</param>
/// <param name="Problems">Each break, first one first: <c>#12: missing (gap after #11)</c>, <c>#7: hash does not match its content (edited)</c>.</param>
public sealed record AuditVerification(string Tenant, long Entries, long HeadSequence, string HeadHash, IReadOnlyList<string> Problems)
{
    /// <summary>True when every entry is present, unedited and chained to the one before.</summary>
    public bool IsIntact => Problems.Count == 0;
}
