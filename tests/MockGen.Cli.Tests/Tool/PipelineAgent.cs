using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// Runs an expanded template's script steps the way an Azure Pipelines agent does, in order with bash, for what the
/// MockGen template relies on: <c>$(name)</c> macros in values (an undefined one stays literal), non-secret variables
/// exported as NAME_WITH_UNDERSCORES, secrets only through a step's <c>env</c>, the <c>task.prependpath</c> and
/// <c>task.setvariable</c> logging commands, and no further step after a failed one. Tasks (UseDotNet, AzureCLI,
/// PublishPipelineArtifact) cannot run here: their inputs are recorded for the test to check.
/// </summary>
internal sealed partial class PipelineAgent(string workingDirectory, Dictionary<string, string> variables, HashSet<string> secrets)
{
    private readonly List<string> _path = [];

    public async Task<IReadOnlyList<StepResult>> RunAsync(IEnumerable<JsonObject> steps, Func<string, bool>? only = null)
    {
        var results = new List<StepResult>();
        foreach (var step in steps)
        {
            var name = (string?)step["displayName"] ?? string.Empty;
            if (only is not null && !only(name))
            {
                continue;
            }

            var script = (string?)step["bash"] ?? (string?)step["script"];
            if (script is null)
            {
                var inputs = (step["inputs"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => Expand(p.Value!.ToString()), StringComparer.Ordinal);
                results.Add(new StepResult(name, (string)step["task"]!, null, inputs));
                continue;
            }

            var run = await RunScriptAsync(script, step["env"]?.AsObject());
            results.Add(new StepResult(name, null, run, new Dictionary<string, string>()));
            if (run.ExitCode != 0)
            {
                break;
            }
        }

        return results;
    }

    private async Task<CliRun> RunScriptAsync(string script, JsonObject? env)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (!secrets.Contains(name))
            {
                environment[name.Replace('.', '_').ToUpperInvariant()] = value;
            }
        }

        foreach (var (name, value) in env ?? [])
        {
            environment[name] = Expand(value!.ToString());
        }

        environment["PATH"] = string.Join(Path.PathSeparator, [.. _path, Environment.GetEnvironmentVariable("PATH") ?? string.Empty]);
        var file = Path.Combine(workingDirectory, ".step-" + Path.GetRandomFileName() + ".sh");
        await File.WriteAllTextAsync(file, script);
        var run = await ChildProcess.RunAsync("bash", ["--noprofile", "--norc", file], workingDirectory, environment);
        File.Delete(file);
        foreach (var line in run.Out.Split('\n'))
        {
            if (PrependPath().Match(line) is { Success: true } prepend)
            {
                _path.Insert(0, prepend.Groups[1].Value.Trim());
            }
            else if (SetVariable().Match(line) is { Success: true } set)
            {
                variables[set.Groups[1].Value] = set.Groups[3].Value.TrimEnd('\r');
                if (set.Groups[2].Value.Contains("issecret=true", StringComparison.OrdinalIgnoreCase))
                {
                    secrets.Add(set.Groups[1].Value);
                }
            }
        }

        return run;
    }

    private string Expand(string value) =>
        Macro().Replace(value, m => variables.FirstOrDefault(v => string.Equals(v.Key, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)).Value ?? m.Value);

    [GeneratedRegex(@"\$\(([A-Za-z0-9_.]+)\)")]
    private static partial Regex Macro();

    [GeneratedRegex(@"^##vso\[task\.prependpath\](.*)$")]
    private static partial Regex PrependPath();

    [GeneratedRegex(@"^##vso\[task\.setvariable variable=([^;\]]+)((?:;[^\]]*)?)\](.*)$")]
    private static partial Regex SetVariable();
}
