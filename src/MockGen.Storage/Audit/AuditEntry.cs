namespace MockGen.Storage.Audit;

/// <summary>
/// One line of a tenant's append-only audit log: who did (or was refused) what to which object, when, and the
/// SHA-256 chain that makes a removed or edited line detectable.
/// </summary>
/// <param name="Sequence">The entry's position in the tenant's log, from 1, without gaps.</param>
/// <param name="Time">When it was recorded (ISO-8601 UTC; never earlier than the previous entry's time).</param>
/// <param name="Tenant">The tenant whose log holds it.</param>
/// <param name="Principal">Who acted: <c>key:&lt;id&gt;</c>, <c>entra:&lt;oid&gt;</c>, <c>anonymous</c>, <c>blob-upload</c>, <c>cli:&lt;user&gt;</c>.</param>
/// <param name="Role">The role the action needed (<c>reader</c>, <c>runner</c>, ...), or empty when none applies.</param>
/// <param name="Action">What was attempted, e.g. <c>contract.upload</c>, <c>key.create</c>, <c>version.approve</c>, <c>GET ListRuns</c>.</param>
/// <param name="Resource">The object acted on (<c>contract:pets.json</c>, <c>key:k12...</c>, <c>run:r1</c>), or empty.</param>
/// <param name="Version">The object's version (<c>sha256:...</c>), or empty.</param>
/// <param name="RequestId">The request or trace id that ties the entry to logs and traces, or empty.</param>
/// <param name="Outcome">
/// <c>ok</c>, <c>pending-approval</c>, or <c>refused:&lt;status&gt;</c> (401, 403, 404) and <c>failed:&lt;status&gt;</c> for
/// requests that were answered with an error.
/// </param>
/// <param name="Detail">A short, secret-free note (the new key's id, a rejection reason, the diff summary), or empty.</param>
/// <param name="PreviousHash">The <see cref="Hash"/> of entry <see cref="Sequence"/> - 1 (64 zeros for the first entry).</param>
/// <param name="Hash">SHA-256 (hex) of this entry's canonical form, which includes <see cref="PreviousHash"/>.</param>
public sealed record AuditEntry(
    long Sequence,
    string Time,
    string Tenant,
    string Principal,
    string Role,
    string Action,
    string Resource,
    string Version,
    string RequestId,
    string Outcome,
    string Detail,
    string PreviousHash,
    string Hash);
