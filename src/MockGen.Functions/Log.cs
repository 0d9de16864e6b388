using Microsoft.Extensions.Logging;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Functions;

/// <summary>The Functions app's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Registered {Tenant}/{Contract} {ContractVersion}: {Status}")]
    public static partial void ContractRegistered(ILogger logger, string tenant, string contract, string contractVersion, ContractStatus status);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Ignored blob {BlobPath}: not a contract (profile, nested path, or invalid tenant or name)")]
    public static partial void NotAContract(ILogger logger, string blobPath);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Run {Tenant}/{RunId} started or already known: {Status}")]
    public static partial void RunStarted(ILogger logger, string tenant, string runId, RunStatus status);
}
