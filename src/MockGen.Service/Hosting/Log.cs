using Microsoft.Extensions.Logging;

namespace MockGen.Service.Hosting;

/// <summary>The service's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Registered {Tenant}/{Contract} {ContractVersion}: {Status}")]
    public static partial void ContractRegistered(ILogger logger, string tenant, string contract, string contractVersion, MockGen.Storage.Registry.ContractStatus status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Run {Tenant}/{RunId} sealed: {Status}, {Payloads} payloads, {Generated} shards generated, {Reused} reused, {StoreRetries} storage retries ({RetryReasons}) (trace {RunTraceId})")]
    public static partial void RunSealed(ILogger logger, string tenant, string runId, MockGen.Storage.Runs.RunStatus status, long payloads, int generated, int reused, long storeRetries, string retryReasons, string runTraceId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Run {Tenant}/{RunId} failed")]
    public static partial void RunFailed(ILogger logger, string tenant, string runId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Contract scan failed; retrying at the next poll")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Resuming interrupted run {Tenant}/{RunId}")]
    public static partial void RunResumed(ILogger logger, string tenant, string runId);
}
