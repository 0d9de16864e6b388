namespace MockGen.Storage.Tests.Support;

/// <summary>Azurite ended before it listened on its ports (a port taken by another process, mostly); the message has its error output.</summary>
public sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
