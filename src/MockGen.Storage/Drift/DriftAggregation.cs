namespace MockGen.Storage.Drift;

/// <summary>Merges per-shard drift into per-target drift. Pure, ordinal-ordered, so the report's bytes are stable.</summary>
internal static class DriftAggregation
{
    public const int TopN = 20;

    public static IReadOnlyList<ShardDrift> PerTarget(IEnumerable<ShardDrift> shards) =>
        shards.GroupBy(s => s.TargetId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ShardDrift(
                g.Key,
                g.Sum(s => s.Payloads),
                g.Sum(s => s.Failing),
                Top(g.SelectMany(s => s.Keywords)),
                Top(g.SelectMany(s => s.Paths))))
            .ToList();

    public static IReadOnlyList<DriftCount> Top(IEnumerable<DriftCount> counts) =>
        counts.GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => new DriftCount(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(TopN)
            .ToList();

    /// <summary>Writes array indices as '*' so one broken property counts once, not once per element.</summary>
    public static string GeneralizePath(string instanceLocation)
    {
        var segments = instanceLocation.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
            {
                segments[i] = "*";
            }
        }

        return string.Join('/', segments);
    }
}
