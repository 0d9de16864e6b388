using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Storage.Diff;

namespace MockGen.Cli.Commands;

/// <summary><c>mockgen diff &lt;old&gt; &lt;new&gt; [--json]</c>: breaking and non-breaking changes between two contract versions.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var oldContract = new Argument<string>("old") { Description = "The current contract file (.json, .yaml, .yml)." };
        var newContract = new Argument<string>("new") { Description = "The proposed contract file." };
        var json = new Option<bool>("--json") { Description = "Print the changes as one JSON document (for scripts)." };
        var contractOptions = new ContractOptions();
        var command = new Command("diff", "Compare two versions of a contract target by target: breaking changes (removed targets or properties, "
            + "newly required properties, narrowed types, enums or bounds, new patterns or formats) and non-breaking ones (optional additions, "
            + "widenings). Exit code 1 when anything breaks, so CI can stop a contract change before it ships.");
        command.Arguments.Add(oldContract);
        command.Arguments.Add(newContract);
        command.Options.Add(json);
        contractOptions.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# What does the proposed change break?",
            "mockgen diff api/v1.yaml api/v2.yaml",
            "# Only the breaking changes, with jq",
            "mockgen diff api/v1.yaml api/v2.yaml --json | jq '.changes[] | select(.severity == \"breaking\")'");
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(oldContract)!,
            parseResult.GetValue(newContract)!,
            parseResult.GetValue(json),
            contractOptions.ToLoaderOptions(parseResult),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string oldPath, string newPath, bool asJson, ContractLoaderOptions options, CancellationToken cancellationToken)
    {
        var loader = new ContractLoader(options);
        var oldContract = await loader.LoadAsync(oldPath, cancellationToken).ConfigureAwait(false);
        var newContract = await loader.LoadAsync(newPath, cancellationToken).ConfigureAwait(false);
        var diff = ContractDiffer.Compare(oldContract, newContract);
        await console.Out.WriteAsync(asJson ? ToJson(diff) : ToPlain(diff)).ConfigureAwait(false);
        return diff.HasBreakingChanges ? ExitCodes.Failure : ExitCodes.Success;
    }

    internal static string ToPlain(ContractDiff diff)
    {
        var text = new StringBuilder();
        var breaking = diff.Changes.Count(c => c.Severity == ChangeSeverity.Breaking);
        text.Append("old  ").AppendLine(diff.OldVersion);
        text.Append("new  ").AppendLine(diff.NewVersion);
        text.AppendLine(CultureInfo.InvariantCulture, $"{breaking} breaking, {diff.Changes.Count - breaking} non-breaking");
        string? target = null;
        foreach (var change in diff.Changes)
        {
            if (!string.Equals(change.Target, target, StringComparison.Ordinal))
            {
                target = change.Target;
                text.AppendLine().AppendLine(target);
            }

            text.Append(change.Severity == ChangeSeverity.Breaking ? "  BREAKING      " : "  non-breaking  ").Append(change.Message).Append("  [").Append(change.Rule).AppendLine("]");
        }

        return text.ToString();
    }

    internal static string ToJson(ContractDiff diff)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("oldVersion", diff.OldVersion);
            writer.WriteString("newVersion", diff.NewVersion);
            writer.WriteNumber("breaking", diff.Changes.Count(c => c.Severity == ChangeSeverity.Breaking));
            writer.WriteNumber("nonBreaking", diff.Changes.Count(c => c.Severity == ChangeSeverity.NonBreaking));
            writer.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("severity", change.Severity == ChangeSeverity.Breaking ? "breaking" : "non-breaking");
                writer.WriteString("rule", change.Rule);
                writer.WriteString("target", change.Target);
                writer.WriteString("path", change.Path);
                writer.WriteString("message", change.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
