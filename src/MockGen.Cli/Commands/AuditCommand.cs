using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace MockGen.Cli.Commands;

/// <summary><c>mockgen audit verify|list</c>: check a tenant's hash-chained audit log in the store, or print it.</summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CliConsole console)
    {
        var command = new Command("audit", "A tenant's append-only audit log: every mutating action and every refused request, each entry carrying the "
            + "SHA-256 of the one before it.");
        command.Subcommands.Add(VerifyCommand(console));
        command.Subcommands.Add(ListCommand(console));
        CliHelp.SetExamples(
            command,
            "# Is the log whole? (exit 1 names the first gap or edited entry)",
            "mockgen audit verify --tenant acme --azure-connection-string \"$MOCKGEN_STORAGE_CONNECTION_STRING\"",
            "# Also detect truncation: pass the head hash recorded by an earlier verify",
            "mockgen audit verify --tenant acme --expect-head 3f1c…",
            "# Yesterday's entries as JSON lines",
            "mockgen audit list --tenant acme --from 2026-12-03T00:00:00Z --to 2026-12-04T00:00:00Z");
        return command;
    }

    private static Command VerifyCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var head = new Option<string?>("--expect-head") { Description = "A head hash recorded earlier: the chain must still contain it (detects a truncated log).", HelpName = "sha256" };
        var command = new Command("verify", "Check the chain: sequences without gaps, every entry's hash matching its content, every entry naming the previous "
            + "entry's hash. Prints the head hash (record it elsewhere to detect truncation later). Exit 0 intact, 1 broken.");
        store.AddTo(command);
        command.Options.Add(head);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var pipeline = store.Open(parseResult);
            var result = await pipeline.Audit.VerifyAsync(tenant, cancellationToken).ConfigureAwait(false);
            var problems = result.Problems.ToList();
            if (parseResult.GetValue(head) is { } expected)
            {
                var found = false;
                await foreach (var entry in pipeline.Audit.QueryAsync(tenant, null, null, 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
                {
                    found |= string.Equals(entry.Hash, expected, StringComparison.Ordinal);
                }

                if (!found)
                {
                    problems.Add($"the expected head {expected} is not in the chain (the log was truncated or rewritten)");
                }
            }

            foreach (var problem in problems)
            {
                await console.Out.WriteLineAsync(problem).ConfigureAwait(false);
            }

            var verdict = problems.Count == 0 ? "intact" : problems.Count.ToString(CultureInfo.InvariantCulture) + " problem(s)";
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{tenant}: {result.Entries} entries, head #{result.HeadSequence} {result.HeadHash}: {verdict}")).ConfigureAwait(false);
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static Command ListCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var from = new Option<DateTimeOffset?>("--from") { Description = "Entries at or after this time (ISO-8601).", HelpName = "time" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Entries before this time (ISO-8601).", HelpName = "time" };
        var command = new Command("list", "Print entries as JSON lines, oldest first.");
        store.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var pipeline = store.Open(parseResult);
            await foreach (var entry in pipeline.Audit.QueryAsync(tenant, parseResult.GetValue(from), parseResult.GetValue(to), 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(entry, Json)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
