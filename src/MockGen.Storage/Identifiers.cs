namespace MockGen.Storage;

/// <summary>
/// The shapes of the ids that reach storage paths and table keys. Every id from a caller (HTTP route, blob name,
/// CLI option) passes through here first, which is what keeps one tenant's paths out of another's.
/// </summary>
public static class Identifiers
{
    /// <summary>The profile blob beside a tenant's contracts: <c>contracts/{tenant}/mockgen.profile.json</c>.</summary>
    public const string ProfileBlobName = "mockgen.profile.json";

    /// <summary>True for a tenant id: 2-63 lowercase letters, digits and '-', starting with a letter or digit.</summary>
    public static bool IsTenant(string? value) =>
        value is { Length: >= 2 and <= 63 } && IsLowerAlnum(value[0]) && value.All(c => IsLowerAlnum(c) || c == '-');

    /// <summary>True for a contract name: one file name of 1-128 letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public static bool IsContractName(string? value) =>
        value is { Length: >= 1 and <= 128 } && char.IsAsciiLetterOrDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>True for a run id: 1-64 letters, digits, '_' and '-', starting with a letter or digit.</summary>
    public static bool IsRunId(string? value) =>
        value is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>True for a contract version: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static bool IsVersion(string? value) =>
        value is { Length: 71 } && value.StartsWith("sha256:", StringComparison.Ordinal) && !value.AsSpan(7).ContainsAnyExcept(LowerHex);

    internal static string Tenant(string value) =>
        IsTenant(value) ? value : throw MockGenStorageException.InvalidIdentifier("tenant", value, "2-63 of a-z, 0-9 and '-'");

    internal static string ContractName(string value) =>
        IsContractName(value) ? value : throw MockGenStorageException.InvalidIdentifier("contract name", value, "1-128 of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit");

    internal static string RunId(string value) =>
        IsRunId(value) ? value : throw MockGenStorageException.InvalidIdentifier("run id", value, "1-64 of A-Z, a-z, 0-9, '_' and '-', starting with a letter or digit");

    internal static string Version(string value) =>
        IsVersion(value) ? value : throw MockGenStorageException.InvalidIdentifier("contract version", value, "sha256: followed by 64 lowercase hex digits");

    /// <summary>The hex part of a version, used in blob paths.</summary>
    internal static string VersionHex(string version) => Version(version)[7..];

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static bool IsLowerAlnum(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
