namespace MockGen.Core.Generation.Output;

/// <summary>How a dataset is written.</summary>
public enum OutputFormat
{
    /// <summary>One <c>{"meta": ..., "payload": ...}</c> record per line: the dataset format <c>mockgen validate</c> reads.</summary>
    Ndjson,

    /// <summary>One JSON array holding the same records.</summary>
    Json,

    /// <summary>Bare payloads, one per line.</summary>
    Payload,
}
