using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using MockGen.Storage;
using MockGen.Storage.Audit;
using MockGen.Storage.Engine;
using MockGen.Storage.Governance;
using MockGen.Storage.Prompts;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen prompts list|show|push|approve|reject|activate</c>: the tenant's prompt registry in the store (<see cref="PromptRegistry"/>),
/// the templates <c>generate --prompt {name}</c> and <c>{name}@sha256:…</c> resolve to.
/// </summary>
internal static class PromptsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static Command Create(CliConsole console)
    {
        var command = new Command("prompts", "List, show and push prompt templates in the store's registry: every version is kept, "
            + "keyed by its sha256; changes wait for approval under the tenant's policy (on by default), and the active one is what --prompt <name> uses.");
        command.Subcommands.Add(CreateList(console));
        command.Subcommands.Add(CreateShow(console));
        command.Subcommands.Add(CreatePush(console));
        command.Subcommands.Add(CreateDecide(console, PromptDecision.Approve));
        command.Subcommands.Add(CreateDecide(console, PromptDecision.Reject));
        command.Subcommands.Add(CreateDecide(console, PromptDecision.Activate));
        CliHelp.SetExamples(
            command,
            "# Push a template, then generate scenarios with it (the store is .mockgen/store unless --store says otherwise)",
            "mockgen prompts push payment-scenarios.prompt",
            "mockgen generate api.yaml --ai scenarios --prompt payment-scenarios --scenario-matrix 'currency=EUR,JPY' --ai-deployment gpt-4o-mini",
            "# Every version of every prompt of tenant acme in Azure Storage",
            "mockgen prompts list --tenant acme --azure-connection-string \"$MOCKGEN_STORAGE_CONNECTION_STRING\"",
            "# The same steps through serve's API, each with its role (a text written straight to prompts/acme/<name> is only a pending proposal)",
            "curl -X PUT -H \"X-Api-Key: $PUBLISHER_KEY\" --data-binary @payment-scenarios.prompt http://127.0.0.1:5080/v1/tenants/acme/prompts/payment-scenarios");
        return command;
    }

    private static Command CreateList(CliConsole console)
    {
        var name = new Option<string?>("--name") { Description = "Only this prompt's versions.", HelpName = "name" };
        var json = new Option<bool>("--json") { Description = "One JSON document (for scripts)." };
        var (tenant, store) = (TenantOption(), new StoreOptions());
        var command = new Command("list", "List every stored version, by name then first push; the active one is marked. "
            + "Each line starts with the reference --prompt takes to pin that version.") { name, json, tenant };
        store.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# All prompts of the default tenant in .mockgen/store",
            "mockgen prompts list",
            "# One prompt's versions as JSON",
            "mockgen prompts list --name payment-scenarios --tenant acme --json");
        command.SetAction((parse, cancellationToken) => RunAsync(console, async () =>
        {
            var (_, publisher, _) = Open(store, parse, tenant);
            var versions = new List<PromptVersion>();
            await foreach (var version in publisher.ListAsync(parse.GetValue(tenant), parse.GetValue(name), cancellationToken).ConfigureAwait(false))
            {
                versions.Add(version);
            }

            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { prompts = versions }, Json)).ConfigureAwait(false);
            }
            else
            {
                foreach (var v in versions)
                {
                    await console.Out.WriteLineAsync($"{v.Name}@{v.Version}  {v.PushedAt}  {(v.Active ? "active" : "      ")}  parameters: {(v.Parameters.Count == 0 ? "none" : string.Join(", ", v.Parameters))}").ConfigureAwait(false);
                }

                await console.Error.WriteLineAsync($"{versions.Count} version(s) of {versions.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count()} prompt(s) for tenant {parse.GetValue(tenant) ?? PromptRegistry.DefaultTenant}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateShow(CliConsole console)
    {
        var reference = new Argument<string>("prompt") { Description = "A prompt name (its active version) or name@sha256:<hex> (one version)." };
        var (tenant, store) = (TenantOption(), new StoreOptions());
        var command = new Command("show", "Print a template's text on stdout (exactly the bytes that are hashed) and its version and "
            + "parameters on stderr.") { reference, tenant };
        store.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# The active version",
            "mockgen prompts show payment-scenarios",
            "# One pinned version, saved to a file",
            "mockgen prompts show payment-scenarios@sha256:<hex> > old.prompt");
        command.SetAction((parse, cancellationToken) => RunAsync(console, async () =>
        {
            var (_, publisher, _) = Open(store, parse, tenant);
            var template = await publisher.GetAsync(parse.GetValue(tenant), parse.GetValue(reference)!, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync(template.Text).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"{template.Name}@{template.Version}; parameters: {(template.Parameters.Count == 0 ? "none" : string.Join(", ", template.Parameters))}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreatePush(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A template file: a system part, a line '---', a user part; {{name}} parameters." };
        var name = new Option<string?>("--name") { Description = "The prompt's name in the registry. Default: the file name without its extension.", HelpName = "name" };
        var (tenant, store) = (TenantOption(), new StoreOptions());
        var command = new Command("push", "Store a template as a new version (identical text is the same version, stored once). The first "
            + "version of a name is active at once; a change waits for an approver (prompts approve) while the tenant's policy approves prompt "
            + "changes (governance.approvePromptChanges, on by default), else it is active at once. Nothing stored is replaced or lost: every "
            + "version stays retrievable by name@sha256.") { file, name, tenant };
        store.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# Push samples/ai-scenarios/payment-scenarios.prompt as 'payment-scenarios'",
            "mockgen prompts push samples/ai-scenarios/payment-scenarios.prompt",
            "# Under another name, for tenant acme, to Azurite",
            "mockgen prompts push mine.txt --name refunds --tenant acme --azure-connection-string UseDevelopmentStorage=true");
        command.SetAction((parse, cancellationToken) => RunAsync(console, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException(path + ": prompt file not found");
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var promptName = parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(path);
            var (pipeline, publisher, tenantId) = Open(store, parse, tenant);
            var published = await publisher.PublishAsync(tenantId, promptName, text, path, StoreSelection.Principal, cancellationToken).ConfigureAwait(false);
            var version = published.Version;
            var pending = published.Decision.State == ApprovalState.PendingApproval;
            if (published.Created)
            {
                await AuditAsync(pipeline, tenantId, "publisher", "prompt.upload", version, pending ? "pending-approval" : "ok", published.Decision.Change.ToString(), cancellationToken).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"{version.Name}@{version.Version}").ConfigureAwait(false);
            var stored = published.Created ? $"pushed {path} as a new version of '{version.Name}' (tenant {version.Tenant})" : $"{path} is already stored as this version (first pushed {version.PushedAt})";
            await console.Error.WriteLineAsync(stored + "; " + (pending
                ? $"it waits for approval (the tenant's policy approves prompt changes): mockgen prompts approve {version.Name}@{version.Version} --tenant {version.Tenant}"
                : published.Decision.State == ApprovalState.Rejected ? "it was rejected and never becomes active"
                : version.Active ? "it is now active" : $"an approved older version; make it active again with: mockgen prompts activate {version.Name}@{version.Version} --tenant {version.Tenant}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateDecide(CliConsole console, PromptDecision kind)
    {
        var reference = new Argument<string>("prompt") { Description = "The version, as name@sha256:<hex> (prompts list prints it)." };
        var reason = new Option<string?>("--reason") { Description = "A note recorded on the version and in the audit log.", HelpName = "text" };
        var (tenant, store) = (TenantOption(), new StoreOptions());
        var command = new Command(kind.ToString().ToLowerInvariant(), kind switch
        {
            PromptDecision.Approve => "Approve a pending version: it becomes the active one that --prompt <name> uses.",
            PromptDecision.Reject => "Reject a pending version: it never becomes active (it stays retrievable by name@sha256).",
            _ => "Make an approved version the active one again (a rollback).",
        }) { reference, tenant };
        if (kind != PromptDecision.Activate)
        {
            command.Options.Add(reason);
        }

        store.AddTo(command);
        CliHelp.SetExamples(command, "mockgen prompts " + kind.ToString().ToLowerInvariant() + " payment-scenarios@sha256:<hex> --tenant acme"
            + (kind == PromptDecision.Activate ? string.Empty : " --reason 'reviewed'"));
        command.SetAction((parse, cancellationToken) => RunAsync(console, async () =>
        {
            var text = parse.GetValue(reference)!;
            var at = text.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || !Identifiers.IsVersion(text[(at + 1)..]))
            {
                throw new CliException(text + ": expected name@sha256:<64 hex digits> (mockgen prompts list prints them)");
            }

            var (name, version) = (text[..at], text[(at + 1)..]);
            var (pipeline, publisher, tenantId) = Open(store, parse, tenant);
            var detail = parse.GetValue(reason) ?? string.Empty;
            object result;
            switch (kind)
            {
                case PromptDecision.Approve:
                    result = await publisher.ApproveAsync(tenantId, name, version, StoreSelection.Principal, parse.GetValue(reason), cancellationToken).ConfigureAwait(false);
                    break;
                case PromptDecision.Reject:
                    result = await publisher.RejectAsync(tenantId, name, version, StoreSelection.Principal, parse.GetValue(reason), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    var previous = await publisher.ActivateAsync(tenantId, name, version, StoreSelection.Principal, cancellationToken).ConfigureAwait(false);
                    detail = "previously " + (previous ?? "none");
                    result = new { name, active = version, previous };
                    break;
            }

            var prompt = new PromptVersion(tenantId, name, version, string.Empty, [], 0);
            await AuditAsync(pipeline, tenantId, "approver", "prompt." + kind.ToString().ToLowerInvariant(), prompt, "ok", detail, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Json)).ConfigureAwait(false);
            await console.Error.WriteLineAsync(kind == PromptDecision.Reject ? $"{name}@{version}: rejected" : $"{name}: active {version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (MockGenPipeline Pipeline, PromptPublisher Publisher, string Tenant) Open(StoreOptions store, ParseResult parse, Option<string?> tenant)
    {
        var tenantId = parse.GetValue(tenant) ?? PromptRegistry.DefaultTenant;
        if (!Identifiers.IsTenant(tenantId))
        {
            throw new CliException($"--tenant {tenantId}: expected 2-63 of a-z, 0-9 and '-'");
        }

        var pipeline = new MockGenPipeline(store.Open(parse), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        return (pipeline, pipeline.Prompts, tenantId);
    }

    private static Task<AuditEntry> AuditAsync(MockGenPipeline pipeline, string tenant, string role, string action, PromptVersion version, string outcome, string detail, CancellationToken cancellationToken) =>
        pipeline.Audit.AppendAsync(new AuditEvent(tenant, StoreSelection.Principal, role, action, outcome) { Resource = "prompt:" + version.Name, Version = version.Version, Detail = detail }, cancellationToken);

    private static Option<string?> TenantOption() => new("--tenant")
    {
        Description = "The tenant whose registry is used (prompts/{tenant}/). Default: default.",
        HelpName = "tenant",
    };

    // Registry and store errors are the user's to fix (a bad name, an unparsable template, a tampered blob): exit 2.
    private static async Task<int> RunAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PromptRegistryException or MockGenStorageException or CliException)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }
}
