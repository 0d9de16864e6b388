using Microsoft.Extensions.Logging;

namespace MockGen.Service.Auth;

/// <summary>The tenant check's log messages, with stable event ids. Never the token itself.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Bearer token refused")]
    public static partial void TokenRefused(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "OpenID Connect metadata {MetadataAddress} could not be refreshed; validating with the keys already known")]
    public static partial void MetadataRefreshFailed(ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "OpenID Connect metadata {MetadataAddress} is unavailable; bearer tokens cannot be validated")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Token signed with a key not in the cached set: fetching the signing keys again")]
    public static partial void UnknownSigningKey(ILogger logger);
}
