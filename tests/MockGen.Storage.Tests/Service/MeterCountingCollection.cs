namespace MockGen.Storage.Tests.Service;

/// <summary>
/// The "MockGen" meter is process-wide: every server a test starts records into it, and a scrape of one server's
/// /metrics counts requests other tests make to theirs in parallel (the HTTP series carry no tenant). Tests that
/// assert exact counts run in this collection, which xunit runs alone after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterCountingCollection
{
    public const string Name = "meter counting";
}
