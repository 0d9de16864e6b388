namespace MockGen.Storage.Runs;

/// <summary>Which records of a dataset to read; null fields do not filter.</summary>
/// <param name="TargetId">Only this target.</param>
/// <param name="Variant">Only this variant.</param>
/// <param name="FromIndex">Only indices at or above this.</param>
/// <param name="ToIndex">Only indices below this.</param>
public sealed record DatasetFilter(string? TargetId = null, string? Variant = null, long? FromIndex = null, long? ToIndex = null);
