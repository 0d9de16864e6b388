namespace MockGen.Storage;

/// <summary>
/// Bad input reaching the pipeline: an invalid tenant, name, run id or store path, a missing contract version,
/// or a stored object that does not match its lineage. Hosts translate it into exit code 2 or an HTTP problem.
/// </summary>
public sealed class MockGenStorageException : Exception
{
    private MockGenStorageException(string message, StorageErrorKind kind)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>What went wrong, so a host can choose the status code without parsing the message.</summary>
    public StorageErrorKind Kind { get; }

    internal static MockGenStorageException InvalidPath(string path, string rule) =>
        new($"{path}: not a valid store path: {rule}", StorageErrorKind.InvalidInput);

    internal static MockGenStorageException InvalidIdentifier(string what, string value, string rule) =>
        new($"{what} '{value}' is not valid: {rule}", StorageErrorKind.InvalidInput);

    internal static MockGenStorageException NotFound(string what, string id) =>
        new($"{what} '{id}' was not found", StorageErrorKind.NotFound);

    internal static MockGenStorageException Conflict(string what, string id, string reason) =>
        new($"{what} '{id}': {reason}", StorageErrorKind.Conflict);

    internal static MockGenStorageException InvalidProfile(string path, string reason) =>
        new($"{path}: invalid tenant profile: {reason}", StorageErrorKind.InvalidInput);

    internal static MockGenStorageException InvalidContract(string name, string reason) =>
        new($"{name}: the contract cannot be loaded: {reason}", StorageErrorKind.InvalidInput);

    internal static MockGenStorageException ActivityUnknown(string name) =>
        new($"activity '{name}' is not registered with the local runner", StorageErrorKind.InvalidInput);
}
