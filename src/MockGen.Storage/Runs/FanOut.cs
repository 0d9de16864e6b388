namespace MockGen.Storage.Runs;

/// <summary>
/// Bounded fan-out for orchestrators: keeps at most N activity calls in flight and returns results in input order.
/// Replay-safe: it only schedules through the context and awaits with Task.WhenAny, which Durable replays
/// deterministically. No ConfigureAwait(false) here: orchestrator continuations must stay on the orchestrator's
/// context (Durable code constraint).
/// </summary>
internal static class FanOut
{
#pragma warning disable CA2007 // Orchestrator code must not use ConfigureAwait(false).
    public static async Task<TResult[]> RunAsync<TInput, TResult>(IReadOnlyList<TInput> inputs, int maxInFlight, Func<TInput, Task<TResult>> call)
    {
        var results = new TResult[inputs.Count];
        var inFlight = new List<Task<TResult>>(maxInFlight);
        var indexOf = new Dictionary<Task<TResult>, int>();
        var next = 0;
        while (next < inputs.Count || inFlight.Count > 0)
        {
            while (next < inputs.Count && inFlight.Count < Math.Max(1, maxInFlight))
            {
                var task = call(inputs[next]);
                indexOf[task] = next++;
                inFlight.Add(task);
            }

            var done = await Task.WhenAny(inFlight);
            inFlight.Remove(done);
            results[indexOf[done]] = await done;
        }

        return results;
    }
#pragma warning restore CA2007
}
