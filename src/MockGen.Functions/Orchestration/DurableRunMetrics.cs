using System.Diagnostics;
using MockGen.Core.Telemetry;
using MockGen.Storage.Runs;

namespace MockGen.Functions.Orchestration;

/// <summary>
/// The run counters under Durable Functions. Started is counted by <see cref="DurableRunStarter"/> when it schedules
/// an instance; completed by the write-manifest activity, as in every host; active and failed by the run orchestrator
/// function, only when it is not replaying: an episode that replays history re-executes the same code, and would
/// otherwise count the same run again. Under Durable these series have no store tag (the orchestrator has no store).
/// </summary>
internal static class DurableRunMetrics
{
    public static TagList Tags(RunSpec spec) => new() { { TelemetryTags.Tenant, spec.Tenant }, { TelemetryTags.Contract, spec.ContractName } };

    public static void Started(RunSpec spec) => MockGenMetrics.RunsStarted.Add(1, Tags(spec));

    /// <summary>The orchestration's first episode began (it runs once, never as a replay).</summary>
    public static void Began(RunSpec spec) => MockGenMetrics.RunsActive.Add(1, Tags(spec));

    /// <summary>The orchestration returned: the manifest is sealed (and counted by its activity).</summary>
    public static void Ended(RunSpec spec) => MockGenMetrics.RunsActive.Add(-1, Tags(spec));

    /// <summary>The orchestration failed: no manifest.</summary>
    public static void Failed(RunSpec spec)
    {
        var tags = Tags(spec);
        MockGenMetrics.RunsActive.Add(-1, tags);
        MockGenMetrics.RunsFailed.Add(1, tags);
    }
}
