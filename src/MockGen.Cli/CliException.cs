namespace MockGen.Cli;

/// <summary>A user error in how a command was called (a malformed option value, an unusable dataset line): exit code 2, no stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static CliException InvalidMapping(string value) =>
        new($"--map {value}: expected <uri-prefix>=<local-path>, e.g. --map https://example.com/schemas/=./schemas/");

    internal static CliException InvalidMappingUri(string prefix) =>
        new($"--map {prefix}: the prefix must be an absolute http(s) URI");

    internal static CliException DatasetNotFound(string path) =>
        new($"{path}: dataset file not found");

    internal static CliException TargetNeedsFile(string folder) =>
        new($"{folder}: --target needs a contract file, not a folder (records in a folder dataset name their contract in meta.contract)");

    internal static CliException MalformedLine(string dataset, long line, string detail) =>
        new($"{dataset}:{line}: {detail}");

    internal static CliException ContractOutsideFolder(string dataset, long line, string name) =>
        new($"{dataset}:{line}: #/meta/contract \"{name}\" is not a file inside the contract folder");
}
