using System.Globalization;

namespace MockGen.Fuzz.Tests.Support;

/// <summary>
/// How long each fuzz target runs and what one case may cost. CI runs a few seconds per target;
/// <c>MOCKGEN_FUZZ_SECONDS=600</c> is the long mode, <c>MOCKGEN_FUZZ_SEED</c> replays a CsCheck seed.
/// </summary>
internal static class FuzzBudget
{
    /// <summary>Seconds of sampling per target (default 3).</summary>
    public static int SecondsPerTarget =>
        int.TryParse(Environment.GetEnvironmentVariable("MOCKGEN_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 3;

    /// <summary>The CsCheck seed to replay, when one is given.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("MOCKGEN_FUZZ_SEED");

    /// <summary>
    /// One case's wall-clock bound. Generous because two cores are shared by many builds here; a hang (a regex
    /// backtracking without end, a $ref loop) still blows through it by orders of magnitude.
    /// </summary>
    public static TimeSpan CaseTimeout { get; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Bytes one case may allocate on its thread. Every input is at most a few hundred kilobytes, so a case that
    /// allocates this much has amplified its input (an alias bomb, an unbounded expansion).
    /// </summary>
    public const long MaxAllocatedBytesPerCase = 512L * 1024 * 1024;
}
