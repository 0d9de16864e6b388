using System.Runtime.ExceptionServices;

namespace MockGen.Fuzz.Tests.Support;

/// <summary>
/// Runs one fuzz case under the invariants of issue 12: it ends within <see cref="FuzzBudget.CaseTimeout"/>,
/// allocates at most <see cref="FuzzBudget.MaxAllocatedBytesPerCase"/> on its thread, and throws only what the
/// caller lists as documented (anything else is a crash and fails the test with the input).
/// </summary>
internal static class HostileCase
{
    /// <summary>Runs <paramref name="body"/> on its own thread; returns the documented exception it threw, or null.</summary>
    public static Exception? Run(string input, Action body, params Type[] documented)
    {
        Exception? thrown = null;
        long allocated = 0;
        var thread = new Thread(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    body();
                }
                catch (Exception e)
                {
                    thrown = e;
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            },
            maxStackSize: 0) { IsBackground = true, Name = "fuzz-case" };
        thread.Start();
        if (!thread.Join(FuzzBudget.CaseTimeout))
        {
            Assert.Fail($"the case ran past {FuzzBudget.CaseTimeout.TotalSeconds:0} s (a hang): {Describe(input)}");
        }

        if (allocated > FuzzBudget.MaxAllocatedBytesPerCase)
        {
            Assert.Fail($"the case allocated {allocated / (1024 * 1024)} MB (cap {FuzzBudget.MaxAllocatedBytesPerCase / (1024 * 1024)} MB): {Describe(input)}");
        }

        if (thrown is null)
        {
            return null;
        }

        if (documented.Any(t => t.IsInstanceOfType(thrown)))
        {
            return thrown;
        }

        // Not documented: keep the original stack for the report, with the input that caused it.
        ExceptionDispatchInfo.Capture(new UndocumentedException(Describe(input), thrown)).Throw();
        return null;
    }

    /// <summary>Async cases (HTTP): the same time bound, through a cancellation token the body must honour.</summary>
    public static async Task RunAsync(string input, Func<CancellationToken, Task> body)
    {
        using var timeout = new CancellationTokenSource(FuzzBudget.CaseTimeout);
        try
        {
            await body(timeout.Token).WaitAsync(FuzzBudget.CaseTimeout + TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested))
        {
            throw new TimeoutException($"the case ran past {FuzzBudget.CaseTimeout.TotalSeconds:0} s (a hang): {Describe(input)}", e);
        }
    }

    public static string Describe(string input) => input.Length <= 400 ? input : input[..400] + $"… ({input.Length} chars)";

    /// <summary>An exception type the API does not document, thrown on fuzzed input: a crash to fix.</summary>
    private sealed class UndocumentedException(string input, Exception inner)
        : Exception($"undocumented {inner.GetType().Name} on input {input}: {inner.Message}", inner);
}
