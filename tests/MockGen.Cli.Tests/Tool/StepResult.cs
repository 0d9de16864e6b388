namespace MockGen.Cli.Tests.Tool;

/// <summary>One expanded step and what became of it: a script's run, or a task's inputs after macro expansion (tasks are not run).</summary>
internal sealed record StepResult(string DisplayName, string? Task, CliRun? Run, IReadOnlyDictionary<string, string> Inputs);
