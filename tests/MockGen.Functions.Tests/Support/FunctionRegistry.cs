using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Functions.Orchestration;

namespace MockGen.Functions.Tests.Support;

/// <summary>
/// Registers the app's real <c>[Function]</c> orchestrators and activities with a Durable registry under their
/// function names, found by reflection as the Functions host finds them, so a renamed or missing function fails
/// here. Activities are created from the app's DI, as the worker does.
/// </summary>
internal static class FunctionRegistry
{
    public static IReadOnlyList<MethodInfo> Functions { get; } = typeof(OrchestratorFunctions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToList();

    public static string NameOf(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;

    /// <summary>Adds every orchestrator and activity; <paramref name="aroundActivity"/> wraps each activity call (tests use it to count or interrupt).</summary>
    public static void AddAll(DurableTaskRegistry registry, IServiceProvider services, Func<string, Func<Task<object?>>, Task<object?>>? aroundActivity = null)
    {
        foreach (var method in Functions)
        {
            var parameters = method.GetParameters();
            if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
            {
                var orchestrator = new ReflectedOrchestrator(method);
                registry.AddOrchestrator(NameOf(method), () => orchestrator);
            }
            else if (parameters.Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            {
                var target = method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(services, method.DeclaringType!);
                var activity = new ReflectedActivity(NameOf(method), method, target, aroundActivity);
                registry.AddActivity(NameOf(method), activity);
            }
        }
    }

    private static async Task<object?> ResultOfAsync(object? returned)
    {
        if (returned is not Task task)
        {
            return returned;
        }

        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    private static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;

    private sealed class ReflectedOrchestrator(MethodInfo method) : ITaskOrchestrator
    {
        public Type InputType => method.GetParameters()[1].ParameterType;

        public Type OutputType => ResultType(method);

        // No ConfigureAwait(false): the orchestrator's continuations must stay on its own context.
        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var returned = method.Invoke(null, [context, input]);
            if (returned is not Task task)
            {
                return returned;
            }

#pragma warning disable CA2007
            await task;
#pragma warning restore CA2007
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }
    }

    private sealed class ReflectedActivity(string name, MethodInfo method, object? target, Func<string, Func<Task<object?>>, Task<object?>>? around) : ITaskActivity
    {
        public Type InputType => method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var args = method.GetParameters().Select(p =>
                p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? input
                : p.ParameterType == typeof(CancellationToken) ? (object)CancellationToken.None
                : null).ToArray();
            Task<object?> Call() => ResultOfAsync(method.Invoke(target, args));
            return around is null ? Call() : around(name, Call);
        }
    }
}
