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

    private MockGenStorageException(string message, StorageErrorKind kind, Exception inner)
        : base(message, inner)
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

    internal static MockGenStorageException WriteRefused(string what, string folder, Exception inner) =>
        new($"{what}: the store folder {folder} refused the write: {WriteFailureReason(inner)}; what it held before is unchanged", StorageErrorKind.Unavailable, inner);

    internal static MockGenStorageException ActivityUnknown(string name) =>
        new($"activity '{name}' is not registered with the local runner", StorageErrorKind.InvalidInput);

    // Errno values as .NET reports them in IOException.HResult on Linux and macOS (ENOSPC, EDQUOT, EROFS).
    private static string WriteFailureReason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        IOException { HResult: 28 } => "no space left on device",
        IOException { HResult: 122 or 69 } => "disk quota exceeded",
        IOException { HResult: 30 } => "the file system is read-only",
        _ => e.Message,
    };
}
