using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace MockGen.Fuzz.Tests.Support;

/// <summary>Samples a generator for the target's time budget on one thread and reports how many cases ran.</summary>
internal static class FuzzRun
{
    public static long Sample<T>(ITestOutputHelper output, string target, Gen<T> gen, Action<T> check, Func<T, string>? print = null)
    {
        long executions = 0;
        var clock = Stopwatch.StartNew();
        gen.Sample(
            value =>
            {
                Interlocked.Increment(ref executions);
                check(value);
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.SecondsPerTarget,
            threads: 1,
            print: print);
        Report(output, target, executions, clock.Elapsed);
        return executions;
    }

    public static async Task<long> SampleAsync<T>(ITestOutputHelper output, string target, Gen<T> gen, Func<T, Task> check, Func<T, string>? print = null)
    {
        long executions = 0;
        var clock = Stopwatch.StartNew();
        await gen.SampleAsync(
            async value =>
            {
                Interlocked.Increment(ref executions);
                await check(value);
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.SecondsPerTarget,
            threads: 1,
            print: print);
        Report(output, target, executions, clock.Elapsed);
        return executions;
    }

    private static void Report(ITestOutputHelper output, string target, long executions, TimeSpan elapsed)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz {target}: {executions} executions in {elapsed.TotalSeconds:0.0} s ({executions / Math.Max(elapsed.TotalSeconds, 0.001):0}/s), 0 crashes"));
        Assert.True(executions > 0, $"{target}: no case ran");
    }
}
