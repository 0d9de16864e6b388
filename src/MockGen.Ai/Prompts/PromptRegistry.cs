using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MockGen.Storage;
using MockGen.Storage.Stores;

namespace MockGen.Ai.Prompts;

/// <summary>
/// Prompt templates versioned like contracts, in the pipeline's blob store (local folder or Azure Blob):
/// <list type="bullet">
/// <item><c>prompts/{tenant}/{name}</c> holds the active text: what <c>--prompt {name}</c> uses. A push replaces it;
/// a blob tool may too (the registry registers whatever it finds there when it is read).</item>
/// <item><c>prompt-versions/{tenant}/{name}/{hex}.prompt</c> holds each version's text, written once and never
/// replaced, keyed by the template's <c>sha256:</c> version; <c>{hex}.json</c> beside it records when it was first
/// stored and its parameters. Every version stays retrievable as <c>{name}@sha256:{hex}</c>.</item>
/// </list>
/// Only blobs are used (no table), so the registry works on any <see cref="IBlobStore"/>. Two pushes of different
/// texts racing on one name both store their version; the last write decides the active one.
/// </summary>
public sealed class PromptRegistry
{
    /// <summary>The container of active templates.</summary>
    public const string Container = "prompts";

    /// <summary>The container of immutable versions.</summary>
    public const string VersionsContainer = "prompt-versions";

    private const string TextSuffix = ".prompt";
    private const string RecordSuffix = ".json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly IBlobStore _blobs;
    private readonly TimeProvider _time;

    /// <summary>Creates a registry over a blob store.</summary>
    /// <param name="blobs">The store.</param>
    /// <param name="time">Stamps first pushes; default the system clock.</param>
    public PromptRegistry(IBlobStore blobs, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _blobs = blobs;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The tenant segment used when a command has no tenant (as for cassettes).</summary>
    public static string DefaultTenant => Cassettes.CassetteStore.NoTenant;

    /// <summary>
    /// Stores <paramref name="text"/> as a version of the tenant's prompt (once; identical text is the same version)
    /// and makes it the active one.
    /// </summary>
    /// <param name="tenant">The tenant; null for <see cref="DefaultTenant"/>.</param>
    /// <param name="name">The prompt's name.</param>
    /// <param name="text">The template text.</param>
    /// <param name="source">Names the text in errors (a file path).</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>The version and whether it was new.</returns>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid, or the text is not a template (named by <paramref name="source"/>).</exception>
    public async Task<(PromptVersion Version, bool Created)> PushAsync(string? tenant, string name, string text, string? source = null, CancellationToken cancellationToken = default)
    {
        var (version, created) = await StoreAsync(tenant, name, text, source, cancellationToken).ConfigureAwait(false);
        await ActivateAsync(version.Tenant, name, version.Version, cancellationToken).ConfigureAwait(false);
        return (version with { Active = true }, created);
    }

    /// <summary>
    /// Stores <paramref name="text"/> as a version of the tenant's prompt (once; identical text is the same version)
    /// without changing the active one: what <see cref="PromptPublisher"/> does for a change that waits for approval.
    /// </summary>
    /// <returns>The version (its <see cref="PromptVersion.Active"/> is false) and whether it was new.</returns>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid, or the text is not a template (named by <paramref name="source"/>).</exception>
    public async Task<(PromptVersion Version, bool Created)> StoreAsync(string? tenant, string name, string text, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        tenant = CheckTenant(tenant);
        CheckName(name);
        PromptTemplate template;
        try
        {
            template = PromptTemplate.Parse(name, text);
        }
        catch (FormatException e)
        {
            throw PromptRegistryException.InvalidTemplate(source ?? name, e);
        }

        return await RegisterAsync(tenant, template, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a stored version the active one (its text is written to <c>prompts/{tenant}/{name}</c>).</summary>
    /// <exception cref="PromptRegistryException">The tenant, name or version is invalid, the version is not stored, or its text was altered.</exception>
    public async Task ActivateAsync(string? tenant, string name, string version, CancellationToken cancellationToken = default)
    {
        tenant = CheckTenant(tenant);
        var template = await FindAsync(tenant, name + "@" + version, cancellationToken).ConfigureAwait(false)
            ?? throw PromptRegistryException.NotFound(tenant, name + "@" + version);
        var activePath = ActivePath(tenant, name);
        if (await ReadTextAsync(activePath, cancellationToken).ConfigureAwait(false) != template.Text)
        {
            await WriteAsync(activePath, template.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lists every version of the tenant's prompts (or of one prompt), by name, then first push, then version.</summary>
    /// <exception cref="PromptRegistryException">The tenant or name is invalid, or an active template is not a template.</exception>
    public async IAsyncEnumerable<PromptVersion> ListAsync(string? tenant, string? name = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        tenant = CheckTenant(tenant);
        if (name is not null)
        {
            CheckName(name);
        }

        // Whatever sits at prompts/{tenant}/{name} is registered first, so a blob uploaded by hand is listed too.
        var active = new Dictionary<string, string>(StringComparer.Ordinal);
        var activePrefix = Container + "/" + tenant + "/";
        await foreach (var entry in _blobs.ListAsync(activePrefix, cancellationToken).ConfigureAwait(false))
        {
            var promptName = entry.Path[activePrefix.Length..];
            if (promptName.Contains('/', StringComparison.Ordinal) || (name is not null && promptName != name) || !Identifiers.IsContractName(promptName))
            {
                continue;
            }

            if (await ReadActiveAsync(tenant, promptName, cancellationToken).ConfigureAwait(false) is { } template)
            {
                active[promptName] = template.Version;
            }
        }

        var versions = new List<PromptVersion>();
        var prefix = VersionsContainer + "/" + tenant + "/" + (name is null ? string.Empty : name + "/");
        await foreach (var entry in _blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Path.EndsWith(RecordSuffix, StringComparison.Ordinal) && await ReadRecordAsync(entry.Path, cancellationToken).ConfigureAwait(false) is { } record)
            {
                versions.Add(record with { Active = active.TryGetValue(record.Name, out var a) && a == record.Version });
            }
        }

        foreach (var version in versions.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.PushedAt, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal))
        {
            yield return version;
        }
    }

    /// <summary>
    /// Reads a template by reference: <c>{name}</c> for the active version, <c>{name}@sha256:{hex}</c> for one version.
    /// Returns null when no such prompt exists (the caller may fall back to a built-in).
    /// </summary>
    /// <exception cref="PromptRegistryException">The tenant, name or version is invalid; the stored text is not a template or was altered.</exception>
    public async Task<PromptTemplate?> FindAsync(string? tenant, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        tenant = CheckTenant(tenant);
        var (name, version) = ParseReference(reference);
        if (version is null)
        {
            return await ReadActiveAsync(tenant, name, cancellationToken).ConfigureAwait(false);
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
    public async Task<PromptTemplate> GetAsync(string? tenant, string reference, CancellationToken cancellationToken = default) =>
        await FindAsync(tenant, reference, cancellationToken).ConfigureAwait(false) ?? throw PromptRegistryException.NotFound(CheckTenant(tenant), reference);

    /// <summary>Whether <paramref name="reference"/> pins a version (<c>name@sha256:…</c>).</summary>
    public static bool IsPinned(string reference) => reference?.Contains('@', StringComparison.Ordinal) == true;

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

    private async Task<PromptTemplate?> ReadActiveAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        var path = ActivePath(tenant, name);
        if (await ReadTextAsync(path, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return null;
        }

        var template = Parse(path, name, text);
        await RegisterAsync(tenant, template, cancellationToken).ConfigureAwait(false);
        return template;
    }

    private async Task<(PromptVersion Version, bool Created)> RegisterAsync(string tenant, PromptTemplate template, CancellationToken cancellationToken)
    {
        var recordPath = VersionPath(tenant, template.Name, template.Version, RecordSuffix);
        if (await ReadRecordAsync(recordPath, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        // The text first, then its record: a record always points at stored text, and a crash between the two
        // leaves only text that the next push or read records.
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
                ? record with { Parameters = record.Parameters ?? [] }
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

    private static PromptTemplate Parse(string path, string name, string text)
    {
        try
        {
            return PromptTemplate.Parse(name, text);
        }
        catch (FormatException e)
        {
            throw PromptRegistryException.InvalidTemplate(path, e);
        }
    }

    private static string ActivePath(string tenant, string name) => Container + "/" + tenant + "/" + name;

    private static string VersionPath(string tenant, string name, string version, string suffix) =>
        VersionsContainer + "/" + tenant + "/" + name + "/" + version[7..] + suffix;

    private static string CheckTenant(string? tenant) =>
        tenant is null ? DefaultTenant : Identifiers.IsTenant(tenant) ? tenant : throw PromptRegistryException.InvalidTenant(tenant);

    private static void CheckName(string name)
    {
        if (!Identifiers.IsContractName(name))
        {
            throw PromptRegistryException.InvalidName(name);
        }
    }
}
