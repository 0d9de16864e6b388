using System.CommandLine;
using System.Text.Json;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Governance;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen versions list|approve|reject|activate</c>: a contract's versions, their approval and the active one, in the
/// store (the API's <c>…/contracts/{name}/versions/{version}/approve</c> and <c>…/active</c> do the same). Audited as
/// <c>cli:&lt;user&gt;</c>.
/// </summary>
internal static class VersionsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static Command Create(CliConsole console)
    {
        var command = new Command("versions", "A contract's versions: which is active, which wait for approval (breaking changes, or every change under "
            + "the tenant's policy); approve, reject, or make an older version active again (rollback).");
        command.Subcommands.Add(ListCommand(console));
        command.Subcommands.Add(DecideCommand(console, approve: true));
        command.Subcommands.Add(DecideCommand(console, approve: false));
        command.Subcommands.Add(ActivateCommand(console));
        CliHelp.SetExamples(
            command,
            "# What waits for approval?",
            "mockgen versions list --tenant acme --contract payments-api.yaml",
            "# Approve it: it becomes active and its run is generated",
            "mockgen versions approve --tenant acme --contract payments-api.yaml --version sha256:… --reason 'consumers migrated'",
            "# Roll back, and re-validate the latest dataset against the older version (nothing regenerated)",
            "mockgen versions activate --tenant acme --contract payments-api.yaml --version sha256:… --revalidate");
        return command;
    }

    private static Command ListCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var contract = ContractOption();
        var command = new Command("list", "One JSON line per version: its approval record and whether it is active.");
        store.AddTo(command);
        command.Options.Add(contract);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var name = Contract(parseResult, contract);
            var pipeline = store.Open(parseResult);
            var active = await pipeline.Governance.GetActiveAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false);
            await foreach (var d in pipeline.Governance.ListAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { active = string.Equals(d.Version, active, StringComparison.Ordinal), decision = d }, Json)).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"{name}: active {active ?? "none"}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DecideCommand(CliConsole console, bool approve)
    {
        var store = new StoreSelection();
        var contract = ContractOption();
        var version = VersionOption();
        var reason = new Option<string?>("--reason") { Description = "A note recorded on the version and in the audit log.", HelpName = "text" };
        var noRun = new Option<bool>("--no-run") { Description = "Do not generate the approved version's run here (a serve or Functions host can start it through the API)." };
        var command = new Command(approve ? "approve" : "reject", approve
            ? "Approve a pending version: it becomes active, and its run is generated in this process with the tenant's active profile."
            : "Reject a pending version: it can never become active.");
        store.AddTo(command);
        command.Options.Add(contract);
        command.Options.Add(version);
        command.Options.Add(reason);
        if (approve)
        {
            command.Options.Add(noRun);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var name = Contract(parseResult, contract);
            var v = Version(parseResult, version);
            var pipeline = store.Open(parseResult);
            var decision = approve
                ? await pipeline.Governance.ApproveAsync(tenant, VersionKind.Contract, name, v, StoreSelection.Principal, parseResult.GetValue(reason), cancellationToken).ConfigureAwait(false)
                : await pipeline.Governance.RejectAsync(tenant, VersionKind.Contract, name, v, StoreSelection.Principal, parseResult.GetValue(reason), cancellationToken).ConfigureAwait(false);
            await KeysCommand.AuditAsync(pipeline.Audit, tenant, approve ? "contract.approve" : "contract.reject", "contract:" + name, parseResult.GetValue(reason) ?? string.Empty, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(decision, Json)).ConfigureAwait(false);
            if (approve && !parseResult.GetValue(noRun) && await pipeline.Publisher.RunForActiveAsync(tenant, name, v, 4, cancellationToken).ConfigureAwait(false) is { } spec)
            {
                await console.Error.WriteLineAsync($"generating run {spec.RunId} …").ConfigureAwait(false);
                await pipeline.Runs.StartAsync(spec, cancellationToken).ConfigureAwait(false);
                var outcome = await pipeline.Runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync($"run {spec.RunId}: {outcome.Status}, {outcome.Payloads} payloads").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ActivateCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var contract = ContractOption();
        var version = VersionOption();
        var revalidate = new Option<bool>("--revalidate") { Description = "Re-validate the contract's latest sealed dataset against this version with the drift run (prints its report)." };
        var command = new Command("activate", "Make an approved version the active one again (rollback or roll-forward).");
        store.AddTo(command);
        command.Options.Add(contract);
        command.Options.Add(version);
        command.Options.Add(revalidate);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var name = Contract(parseResult, contract);
            var v = Version(parseResult, version);
            var pipeline = store.Open(parseResult);
            var previous = await pipeline.Governance.ActivateAsync(tenant, VersionKind.Contract, name, v, StoreSelection.Principal, cancellationToken).ConfigureAwait(false);
            await KeysCommand.AuditAsync(pipeline.Audit, tenant, "contract.activate", "contract:" + name, "previously " + (previous ?? "none"), cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"{name}: active {v} (was {previous ?? "none"})").ConfigureAwait(false);
            if (parseResult.GetValue(revalidate))
            {
                await foreach (var run in pipeline.Runs.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
                {
                    if (run.IsSealed && string.Equals(run.Spec.ContractName, name, StringComparison.Ordinal))
                    {
                        var report = await pipeline.Runner.DriftAsync(new DriftSpec(tenant, run.Spec.RunId, name, v, 4), cancellationToken).ConfigureAwait(false);
                        await console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
                        await console.Error.WriteLineAsync($"run {run.Spec.RunId}: {report.Failing} of {report.Payloads} payloads fail {v}").ConfigureAwait(false);
                        return report.Failing == 0 ? ExitCodes.Success : ExitCodes.Failure;
                    }
                }

                await console.Error.WriteLineAsync("no sealed dataset of this contract to re-validate").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> ContractOption() => new("--contract") { Description = "The contract name (its file name under contracts/{tenant}/).", Required = true, HelpName = "name" };

    private static Option<string> VersionOption() => new("--version") { Description = "The version, sha256:….", Required = true, HelpName = "sha256:…" };

    private static string Contract(ParseResult parseResult, Option<string> option) =>
        parseResult.GetValue(option) is { } name && Identifiers.IsContractName(name) ? name : throw new CliException("--contract: not a contract name");

    private static string Version(ParseResult parseResult, Option<string> option) =>
        parseResult.GetValue(option) is { } v && Identifiers.IsVersion(v) ? v : throw new CliException("--version: expected sha256: and 64 lowercase hex digits");
}
