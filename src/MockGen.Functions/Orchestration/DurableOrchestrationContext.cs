using Microsoft.DurableTask;
using MockGen.Storage;
using MockGen.Storage.Runs;

namespace MockGen.Functions.Orchestration;

/// <summary>
/// The one adapter between Durable Functions and MockGen's orchestrators: <see cref="TaskOrchestrationContext"/> seen
/// as <see cref="IOrchestrationContext"/>. Activity calls get a retry policy (activities are idempotent, so a
/// transient storage failure is retried), except for MockGen's bad-input errors, which no retry fixes.
/// </summary>
internal sealed class DurableOrchestrationContext(TaskOrchestrationContext context) : IOrchestrationContext
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2)
    {
        HandleFailure = failure => !string.Equals(failure.ErrorType, typeof(MockGenStorageException).FullName, StringComparison.Ordinal),
    });

    public string InstanceId => context.InstanceId;

    public Task<TResult> CallActivityAsync<TResult>(string name, object input) => context.CallActivityAsync<TResult>(name, input, Retry);
}
