namespace MockGen.Storage;

/// <summary>The category of a <see cref="MockGenStorageException"/>.</summary>
public enum StorageErrorKind
{
    /// <summary>The caller passed something malformed (400 / exit code 2).</summary>
    InvalidInput,

    /// <summary>The named object does not exist, or is not visible to the caller (404).</summary>
    NotFound,

    /// <summary>The request contradicts stored state (409).</summary>
    Conflict,

    /// <summary>The store cannot take a write now: a full disk, a read-only folder, no permission (503 / exit code 2).</summary>
    Unavailable,
}
