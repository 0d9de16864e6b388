namespace MockGen.Storage.Runs;

/// <summary>Splits a run into shards: target x variant x index range of at most <see cref="RunSpec.ShardSize"/> payloads. Pure.</summary>
public static class ShardPlanner
{
    /// <summary>The shards in a stable order (target ordinal, then variant as listed, then index).</summary>
    public static IReadOnlyList<ShardSpec> Plan(RunSpec spec, IReadOnlyList<string> targetIds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(targetIds);
        var shards = new List<ShardSpec>();
        for (var t = 0; t < targetIds.Count; t++)
        {
            foreach (var variant in spec.Variants)
            {
                for (long start = 0; start < spec.CountPerTarget; start += spec.ShardSize)
                {
                    var count = (int)Math.Min(spec.ShardSize, spec.CountPerTarget - start);
                    shards.Add(new ShardSpec(spec.Tenant, spec.ContractName, spec.ContractVersion, spec.RunId, t, targetIds[t], variant, start, count, spec.Seed, spec.Environment, spec.Locale, spec.Gzip) { Realism = spec.Realism, ProfileVersion = spec.ProfileVersion, Prompt = spec.PromptFor(variant) });
                }
            }
        }

        return shards;
    }
}
