using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MockGen.Storage.Tests.Support;

/// <summary>A logger that keeps every formatted line, so a test can read what a host would have logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue(logLevel + ": " + formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message));
    }
}
