using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MockGen.Storage.Governance;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Prompts;

/// <summary>
/// Prompt templates versioned like contracts, in the pipeline's store (local folder or Azure):
/// <list type="bullet">
/// <item><c>prompt-versions/{tenant}/{name}/{hex}.prompt</c> holds each version's text, written once and never
/// replaced, keyed by the template's <c>sha256:</c> version; <c>{hex}.json</c> beside it records when it was first
/// stored and its parameters. Every version stays retrievable as <c>{name}@sha256:{hex}</c>.</item>
/// <item>Which version <c>{name}</c> resolves to is the governance table's active pointer (<see cref="VersionGovernance"/>,
/// kind <see cref="VersionKind.Prompt"/>) and nothing else, so only an approval or an activation changes what runs use.</item>
/// <item><c>prompts/{tenant}/{name}</c> holds a copy of the active text for blob tools, and is also an upload slot:
/// <see cref="PromptPublisher"/> takes a text written there by hand in as a proposed version (it waits for approval
/// like any other change). Writing it never changes what <c>{name}</c> resolves to by itself.</item>
/// </list>
/// Immutable and thread-safe; the governance decisions are <see cref="PromptPublisher"/>'s.
/// </summary>
public sealed class PromptRegistry
{
    /// <summary>The container of active-text copies (and hand uploads).</summary>
    public const string Container = "prompts";

    /// <summary>The container of immutable versions.</summary>
    public const string VersionsContainer = "prompt-versions";

    /// <summary>The tenant segment used when a command has no tenant (the same as the AI cassettes').</summary>
    public const string DefaultTenant = "default";

    private const string TextSuffix = ".prompt";
    private const string RecordSuffix = ".json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly IBlobStore _blobs;
    private readonly VersionGovernance _governance;
    private readonly TimeProvider _time;

    /// <summary>Creates a registry over a store.</summary>
    /// <param name="blobs">The store's blobs (the texts).</param>
    /// <param name="governance">The active pointers (the store's governance table).</param>
    /// <param name="time">Stamps first pushes; default the system clock.</param>
    public PromptRegistry(IBlobStore blobs, VersionGovernance governance, TimeProvider? time = null)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Creates a registry over a pipeline store (its blobs and its governance table).</summary>
    public PromptRegistry(PipelineStore store, TimeProvider? time = null)
        : this((store ?? throw new ArgumentNullException(nameof(store))).Blobs, new VersionGovernance(store.Tables, time ?? TimeProvider.System), time)
    {
    }

    /// <summary>
    /// Stores <paramref name="text"/> as a version of the tenant's prompt (once; identical text is the same version)
    /// without changing the active one.
    /// </summary>
    /// <returns>The version (its <see cref="PromptVersion.Active"/> is false) and whether it was new.</returns>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid, or the text is not a template (named by <paramref name="source"/>).</exception>
    public async Task<(PromptVersion Version, bool Created)> StoreAsync(string? tenant, string name, string text, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        tenant = CheckTenant(tenant);
        CheckName(name);
        PromptText template;
        try
        {
            template = PromptText.Parse(name, text);
        }
        catch (FormatException e)
        {
            throw PromptRegistryException.InvalidTemplate(source ?? name, e);
        }

        return await RegisterAsync(tenant, template, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies a stored version's text to <c>prompts/{tenant}/{name}</c> (after it became active).</summary>
    /// <exception cref="PromptRegistryException">The version is not stored, or its text was altered.</exception>
    internal async Task WriteActiveCopyAsync(string tenant, string name, string version, CancellationToken cancellationToken)
    {
        var template = await FindAsync(tenant, name + "@" + version, cancellationToken).ConfigureAwait(false)
            ?? throw PromptRegistryException.NotFound(tenant, name + "@" + version);
        var path = ActivePath(tenant, name);
        if (await ReadTextAsync(path, cancellationToken).ConfigureAwait(false) != template.Text)
        {
            await WriteAsync(path, template.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The text at <c>prompts/{tenant}/{name}</c>, or null.</summary>
    internal Task<string?> ReadUploadAsync(string tenant, string name, CancellationToken cancellationToken) =>
        ReadTextAsync(ActivePath(tenant, name), cancellationToken);

    /// <summary>The names that have a blob at <c>prompts/{tenant}/{name}</c>.</summary>
    internal async IAsyncEnumerable<string> ListUploadsAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = Container + "/" + tenant + "/";
        await foreach (var entry in _blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var name = entry.Path[prefix.Length..];
            if (!name.Contains('/', StringComparison.Ordinal) && Identifiers.IsContractName(name))
            {
                yield return name;
            }
        }
    }

    /// <summary>Lists every stored version of the tenant's prompts (or of one prompt), by name, then first push, then version; the active ones are marked.</summary>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid.</exception>
    public async IAsyncEnumerable<PromptVersion> ListAsync(string? tenant, string? name = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        tenant = CheckTenant(tenant);
        if (name is not null)
        {
            CheckName(name);
        }

        var versions = new List<PromptVersion>();
        var prefix = VersionsContainer + "/" + tenant + "/" + (name is null ? string.Empty : name + "/");
        await foreach (var entry in _blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Path.EndsWith(RecordSuffix, StringComparison.Ordinal) && await ReadRecordAsync(entry.Path, cancellationToken).ConfigureAwait(false) is { } record)
            {
                versions.Add(record);
            }
        }

        var active = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var promptName in versions.Select(v => v.Name).Distinct(StringComparer.Ordinal))
        {
            active[promptName] = await _governance.GetActiveAsync(tenant, VersionKind.Prompt, promptName, cancellationToken).ConfigureAwait(false);
        }

        foreach (var version in versions.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.PushedAt, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal))
        {
            yield return version with { Active = active[version.Name] == version.Version };
        }
    }

    /// <summary>
    /// Reads a template by reference: <c>{name}</c> for the active version (the governance pointer),
    /// <c>{name}@sha256:{hex}</c> for one version. Returns null when no such prompt exists or none is active (the
    /// caller may fall back to a built-in).
    /// </summary>
    /// <exception cref="PromptRegistryException">The tenant, name or version is invalid; the stored text is not a template or was altered.</exception>
    public async Task<PromptText?> FindAsync(string? tenant, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        tenant = CheckTenant(tenant);
        var (name, version) = ParseReference(reference);
        version ??= await _governance.GetActiveAsync(tenant, VersionKind.Prompt, name, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return null;
        }

        var path = VersionPath(tenant, name, version, TextSuffix);
        if (await ReadTextAsync(path, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return null;
        }

        var template = Parse(path, name, text);
        return template.Version == version ? template : throw PromptRegistryException.Tampered(path, version);
    }

    /// <summary>As <see cref="FindAsync"/>, but a missing prompt is an error naming the tenant.</summary>
    /// <exception cref="PromptRegistryException">Not found, or as <see cref="FindAsync"/>.</exception>
    public async Task<PromptText> GetAsync(string? tenant, string reference, CancellationToken cancellationToken = default) =>
        await FindAsync(tenant, reference, cancellationToken).ConfigureAwait(false) ?? throw PromptRegistryException.NotFound(CheckTenant(tenant), reference);

    /// <summary>Whether <paramref name="reference"/> pins a version (<c>name@sha256:…</c>).</summary>
    public static bool IsPinned(string reference) => reference?.Contains('@', StringComparison.Ordinal) == true;

    /// <summary>The reference's name part (<c>name</c> of <c>name@sha256:…</c>), checked.</summary>
    /// <exception cref="PromptRegistryException">The name or version is invalid.</exception>
    public static string NameOf(string reference) => ParseReference(reference ?? throw new ArgumentNullException(nameof(reference))).Name;

    /// <summary>Whether <paramref name="reference"/> is a valid <c>name</c> or <c>name@sha256:…</c>.</summary>
    public static bool IsReference(string reference)
    {
        try
        {
            ParseReference(reference ?? throw new ArgumentNullException(nameof(reference)));
            return true;
        }
        catch (PromptRegistryException)
        {
            return false;
        }
    }

    internal static string CheckTenant(string? tenant) =>
        tenant is null ? DefaultTenant : Identifiers.IsTenant(tenant) ? tenant : throw PromptRegistryException.InvalidTenant(tenant);

    internal static void CheckName(string name)
    {
        if (!Identifiers.IsContractName(name))
        {
            throw PromptRegistryException.InvalidName(name);
        }
    }

    private static (string Name, string? Version) ParseReference(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? reference : reference[..at];
        CheckName(name);
        if (at < 0)
        {
            return (name, null);
        }

        var version = reference[(at + 1)..];
        return Identifiers.IsVersion(version) ? (name, version) : throw PromptRegistryException.InvalidVersion(reference);
    }

    private async Task<(PromptVersion Version, bool Created)> RegisterAsync(string tenant, PromptText template, CancellationToken cancellationToken)
    {
        var recordPath = VersionPath(tenant, template.Name, template.Version, RecordSuffix);
        if (await ReadRecordAsync(recordPath, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        // The text first, then its record: a record always points at stored text, and a crash between the two
        // leaves only text that the next push records.
        var textPath = VersionPath(tenant, template.Name, template.Version, TextSuffix);
        if (await _blobs.GetEntryAsync(textPath, cancellationToken).ConfigureAwait(false) is null)
        {
            await WriteAsync(textPath, template.Text, cancellationToken).ConfigureAwait(false);
        }

        var version = new PromptVersion(
            tenant,
            template.Name,
            template.Version,
            _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            template.Parameters,
            Encoding.UTF8.GetByteCount(template.Text));
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(version, Json), writable: false);
        await _blobs.WriteAsync(recordPath, stream, cancellationToken).ConfigureAwait(false);
        return (version, true);
    }

    private async Task<PromptVersion?> ReadRecordAsync(string path, CancellationToken cancellationToken)
    {
        if (await ReadTextAsync(path, cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PromptVersion>(json, Json) is { Name: not null, Version: not null, PushedAt: not null } record
                ? record with { Parameters = record.Parameters ?? [], Active = false }
                : throw new PromptRegistryException(path + ": not a prompt version record");
        }
        catch (JsonException e)
        {
            throw new PromptRegistryException(path + ": not a prompt version record: " + e.Message, e);
        }
    }

    private async Task<string?> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var stream = await _blobs.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        await _blobs.WriteAsync(path, stream, cancellationToken).ConfigureAwait(false);
    }

    private static PromptText Parse(string path, string name, string text)
    {
        try
        {
            return PromptText.Parse(name, text);
        }
        catch (FormatException e)
        {
            throw PromptRegistryException.InvalidTemplate(path, e);
        }
    }

    private static string ActivePath(string tenant, string name) => Container + "/" + tenant + "/" + name;

    private static string VersionPath(string tenant, string name, string version, string suffix) =>
        VersionsContainer + "/" + tenant + "/" + name + "/" + version[7..] + suffix;
}
