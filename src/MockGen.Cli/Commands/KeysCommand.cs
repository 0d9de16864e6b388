using System.CommandLine;
using System.Text.Json;
using MockGen.Service.Auth;
using MockGen.Storage.Audit;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen keys create|list|revoke|rotate</c>: API keys with roles, managed in the store (see <see cref="StoreSelection"/>;
/// the same keys the API's <c>/v1/tenants/{tenant}/keys</c> manages). Every change is audited as <c>cli:&lt;user&gt;</c>.
/// </summary>
internal static class KeysCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static Command Create(CliConsole console)
    {
        var command = new Command("keys", "Manage a tenant's API keys in the store: create (the secret is shown once), list (metadata only), revoke, rotate "
            + "with an overlap. Roles: reader (list, pull), runner (start runs, drift, reproduce), publisher (upload contracts and profiles), "
            + "approver (approve, reject, activate versions), admin (keys, audit log).");
        command.Subcommands.Add(CreateCommand(console));
        command.Subcommands.Add(ListCommand(console));
        command.Subcommands.Add(RevokeCommand(console));
        command.Subcommands.Add(RotateCommand(console));
        CliHelp.SetExamples(
            command,
            "# A CI key that may only read datasets, valid for 90 days (store the printed secret in the pipeline's secrets)",
            "mockgen keys create --tenant acme --role reader --name ci --expires-in-days 90",
            "# The same against Azure Storage",
            "mockgen keys list --tenant acme --azure-connection-string \"$MOCKGEN_STORAGE_CONNECTION_STRING\"",
            "# Rotate: the old key keeps working for 24 hours",
            "mockgen keys rotate --tenant acme --id k0123456789abcdef --overlap-hours 24");
        return command;
    }

    private static Command CreateCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var roles = new Option<string[]>("--role") { Description = "A role: reader, runner, publisher, approver, admin, or all. Repeatable (or comma-separated).", Required = true, Arity = ArgumentArity.OneOrMore, HelpName = "role" };
        var name = new Option<string?>("--name") { Description = "A label for the key (e.g. ci-pipeline).", HelpName = "name" };
        var days = new Option<int?>("--expires-in-days") { Description = "Days until the key expires (1..3650). Default: never.", HelpName = "days" };
        var command = new Command("create", "Create a key; its secret is printed once (stdout) and never stored.");
        store.AddTo(command);
        command.Options.Add(roles);
        command.Options.Add(name);
        command.Options.Add(days);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            TenantRole parsed;
            try
            {
                parsed = TenantRoles.Parse(parseResult.GetValue(roles) ?? []);
            }
            catch (ArgumentException e)
            {
                throw new CliException("--role: " + e.Message);
            }

            if (parseResult.GetValue(days) is < 1 or > 3650)
            {
                throw new CliException("--expires-in-days: expected 1..3650");
            }

            var pipeline = store.Open(parseResult);
            var keys = new ApiKeyStore(pipeline.Store.Tables);
            DateTimeOffset? expires = parseResult.GetValue(days) is { } d ? TimeProvider.System.GetUtcNow().AddDays(d) : null;
            CreatedApiKey created;
            try
            {
                created = await keys.CreateAsync(tenant, parsed, parseResult.GetValue(name), expires, StoreSelection.Principal, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            await AuditAsync(pipeline.Audit, tenant, "key.create", created.Key.Id, "roles " + string.Join(',', created.Key.Roles), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(created, Json)).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"created key {created.Key.Id} for {tenant} ({string.Join(", ", created.Key.Roles)}); the secret above is shown only now").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var command = new Command("list", "List the tenant's keys (one JSON line each: id, roles, created, expires, last used, revoked; never a secret or hash).");
        store.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var keys = new ApiKeyStore(store.Open(parseResult).Store.Tables);
            var count = 0;
            await foreach (var key in keys.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(key, Json)).ConfigureAwait(false);
                count++;
            }

            await console.Error.WriteLineAsync($"{count} key(s) for {tenant}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var id = new Option<string>("--id") { Description = "The key's id.", Required = true, HelpName = "keyId" };
        var command = new Command("revoke", "Revoke a key at once.");
        store.AddTo(command);
        command.Options.Add(id);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            var pipeline = store.Open(parseResult);
            var revoked = await new ApiKeyStore(pipeline.Store.Tables).RevokeAsync(tenant, parseResult.GetValue(id)!, cancellationToken).ConfigureAwait(false)
                ?? throw new CliException($"--id {parseResult.GetValue(id)}: tenant {tenant} has no such key");
            await AuditAsync(pipeline.Audit, tenant, "key.revoke", revoked.Id, string.Empty, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(revoked, Json)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RotateCommand(CliConsole console)
    {
        var store = new StoreSelection();
        var id = new Option<string>("--id") { Description = "The key's id.", Required = true, HelpName = "keyId" };
        var overlap = new Option<int>("--overlap-hours") { Description = "How long the old key keeps working (0..720).", DefaultValueFactory = _ => 24, HelpName = "hours" };
        var command = new Command("rotate", "Replace a key: a new key (secret printed once) with the same roles; the old one keeps working for the overlap, then expires.");
        store.AddTo(command);
        command.Options.Add(id);
        command.Options.Add(overlap);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenant = store.Tenant(parseResult);
            if (parseResult.GetValue(overlap) is < 0 or > 720)
            {
                throw new CliException("--overlap-hours: expected 0..720");
            }

            var pipeline = store.Open(parseResult);
            CreatedApiKey? rotated;
            try
            {
                rotated = await new ApiKeyStore(pipeline.Store.Tables).RotateAsync(tenant, parseResult.GetValue(id)!, TimeSpan.FromHours(parseResult.GetValue(overlap)), StoreSelection.Principal, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            if (rotated is null)
            {
                throw new CliException($"--id {parseResult.GetValue(id)}: tenant {tenant} has no such key");
            }

            await AuditAsync(pipeline.Audit, tenant, "key.rotate", parseResult.GetValue(id)!, "replaced by " + rotated.Key.Id, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(rotated, Json)).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"key {parseResult.GetValue(id)} replaced by {rotated.Key.Id}; the old key works for {parseResult.GetValue(overlap)} more hour(s)").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Task AuditAsync(AuditLog audit, string tenant, string action, string resource, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(tenant, StoreSelection.Principal, action.StartsWith("key.", StringComparison.Ordinal) ? "admin" : "approver", action, "ok") { Resource = resource, Detail = detail }, cancellationToken);
}
