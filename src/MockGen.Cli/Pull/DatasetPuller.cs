using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace MockGen.Cli.Pull;

/// <summary>
/// Downloads a sealed run's dataset from the MockGen API shard by shard: the manifest first (cached by its ETag, the
/// manifest's SHA-256, so an unchanged run answers 304 with no body), then every shard the filter keeps that is not
/// already on disk with the manifest's SHA-256. A shard download that is cut keeps its bytes in a <c>.part</c> file and
/// resumes with <c>Range</c>/<c>If-Range</c>, in the same pull or the next one; a shard whose bytes do not hash to the
/// manifest's value is discarded and fetched again. Nothing half-written ever carries a final name.
/// </summary>
internal sealed class DatasetPuller
{
    private const string StateFile = "pull-state.json";
    private readonly HttpClient _http;
    private readonly PullCredentials _credentials;
    private readonly TextWriter _progress;
    private readonly bool _terminal;
    private int _requests;
    private long _bodyBytes;

    public DatasetPuller(HttpClient http, PullCredentials credentials, TextWriter progress, bool terminal)
    {
        _http = http;
        _credentials = credentials;
        _progress = progress;
        _terminal = terminal;
    }

    /// <exception cref="CliException">Bad input: unknown run or contract, refused credentials (exit 2).</exception>
    /// <exception cref="PullFailedException">The pull could not finish (exit 1).</exception>
    public async Task<PullSummary> PullAsync(PullRequest request, CancellationToken cancellationToken)
    {
        var tenantBase = new Uri(request.Server, "v1/tenants/" + Uri.EscapeDataString(request.Tenant) + "/");
        var runId = request.RunId ?? await LatestRunAsync(tenantBase, request, cancellationToken).ConfigureAwait(false);
        var fileMode = IsFileOutput(request.Output);
        var cache = fileMode
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.Output))!, ".mockgen-pull", Path.GetFileName(request.Output))
            : request.Output;
        Directory.CreateDirectory(Path.Combine(cache, "shards"));

        var state = PullState.Read(Path.Combine(cache, StateFile));
        // Tenant and run name the dataset; the server may be another address of the same service (a proxy, a slot).
        var sameRun = state.Tenant == request.Tenant && state.RunId == runId;
        var (manifestBytes, manifestSha) = await ManifestAsync(tenantBase, runId, cache, sameRun ? state.ManifestSha256 : null, cancellationToken).ConfigureAwait(false);
        using var manifest = JsonDocument.Parse(manifestBytes);
        var root = manifest.RootElement;
        state = state with { Server = request.Server.AbsoluteUri, Tenant = request.Tenant, RunId = runId, ManifestSha256 = manifestSha };
        state.Write(Path.Combine(cache, StateFile));

        var shards = root.GetProperty("shards").EnumerateArray()
            .Select(s => new ShardEntry(s.GetProperty("key").GetString()!, s.GetProperty("blob").GetString()!, s.GetProperty("target").GetString()!, s.GetProperty("variant").GetString()!,
                s.GetProperty("count").GetInt64(), s.TryGetProperty("failed", out var f) ? f.GetInt64() : 0, s.GetProperty("sha256").GetString()!))
            .Where(s => (request.Targets.Count == 0 || request.Targets.Contains(s.Target, StringComparer.Ordinal)) && (request.Variants.Count == 0 || request.Variants.Contains(s.Variant, StringComparer.Ordinal)))
            .ToList();
        if (shards.Count == 0 && (request.Targets.Count > 0 || request.Variants.Count > 0))
        {
            throw new CliException($"run '{runId}' has no shard for --target {string.Join(", ", request.Targets)} --variant {string.Join(", ", request.Variants)} (its manifest lists targets {string.Join(", ", root.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("target").GetString()).Distinct())})");
        }

        int downloaded = 0, resumed = 0, cached = 0;
        for (var i = 0; i < shards.Count; i++)
        {
            var shard = shards[i];
            var path = ShardPath(cache, shard);
            if (File.Exists(path) && await HashFileAsync(path, cancellationToken).ConfigureAwait(false) == shard.Sha256)
            {
                cached++;
            }
            else
            {
                resumed += await DownloadShardAsync(tenantBase, runId, shard, path, request.Attempts, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                downloaded++;
            }

            if (_terminal)
            {
                await _progress.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"\rpull {runId}: {i + 1}/{shards.Count} shards, {_bodyBytes:N0} bytes")).ConfigureAwait(false);
            }
        }

        if (_terminal)
        {
            await _progress.WriteLineAsync().ConfigureAwait(false);
        }

        if (fileMode)
        {
            await AssembleAsync(request.Output, cache, shards, manifestSha, state, cancellationToken).ConfigureAwait(false);
        }

        if (request.ContractOutput is { } contractOutput)
        {
            await ContractAsync(tenantBase, root.GetProperty("contract").GetString()!, root.GetProperty("contractVersion").GetString()!, cache, contractOutput, cancellationToken).ConfigureAwait(false);
        }

        return new PullSummary(runId, manifestSha, shards.Count, downloaded, resumed, cached, shards.Sum(s => s.Count), shards.Sum(s => s.Failed), _requests, _bodyBytes);
    }

    internal static bool IsFileOutput(string output) =>
        output.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || output.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private async Task<string> LatestRunAsync(Uri tenantBase, PullRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(tenantBase, "runs")), "the tenant's runs", cancellationToken).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        using var runs = JsonDocument.Parse(body);
        var latest = runs.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("spec").GetProperty("contractName").GetString() == request.Contract
                && (request.Version is null || r.GetProperty("spec").GetProperty("contractVersion").GetString() == request.Version)
                && r.GetProperty("status").GetString() is "Completed" or "CompletedWithErrors")
            .OrderByDescending(r => r.GetProperty("startedAt").GetString(), StringComparer.Ordinal)
            .ThenByDescending(r => r.GetProperty("spec").GetProperty("runId").GetString(), StringComparer.Ordinal)
            .Select(r => r.GetProperty("spec").GetProperty("runId").GetString())
            .FirstOrDefault();
        return latest ?? throw new CliException($"tenant '{request.Tenant}' has no finished run of contract '{request.Contract}'{(request.Version is null ? string.Empty : "@" + request.Version)}");
    }

    private async Task<(byte[] Bytes, string Sha256)> ManifestAsync(Uri tenantBase, string runId, string cache, string? knownSha, CancellationToken cancellationToken)
    {
        var local = Path.Combine(cache, "manifest.json");
        var message = new HttpRequestMessage(HttpMethod.Get, new Uri(tenantBase, "runs/" + Uri.EscapeDataString(runId) + "/manifest"));
        if (knownSha is not null && File.Exists(local))
        {
            message.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"" + knownSha + "\""));
        }

        using var response = await SendAsync(message, $"run '{runId}'", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            var cachedBytes = await File.ReadAllBytesAsync(local, cancellationToken).ConfigureAwait(false);
            if (Convert.ToHexStringLower(SHA256.HashData(cachedBytes)) == knownSha)
            {
                return (cachedBytes, knownSha!);
            }

            throw new PullFailedException($"{local}: the cached manifest no longer hashes to {knownSha}; delete the folder and pull again");
        }

        var bytes = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (response.Headers.ETag is { } tag && tag.Tag.Trim('"') != sha)
        {
            throw new PullFailedException($"run '{runId}': the manifest received hashes to {sha}, the server said {tag.Tag}");
        }

        await WriteAtomicallyAsync(local, bytes, cancellationToken).ConfigureAwait(false);
        return (bytes, sha);
    }

    // True when the shard was resumed from bytes already on disk (a .part file) rather than fetched whole.
    private async Task<bool> DownloadShardAsync(Uri tenantBase, string runId, ShardEntry shard, string path, int attempts, CancellationToken cancellationToken)
    {
        var part = path + ".part";
        var resumed = false;
        string? lastError = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var offset = File.Exists(part) ? new FileInfo(part).Length : 0;
            var message = new HttpRequestMessage(HttpMethod.Get, new Uri(tenantBase, "runs/" + Uri.EscapeDataString(runId) + "/shards/" + Uri.EscapeDataString(shard.Key)));
            if (offset > 0)
            {
                // If-Range: the server sends the rest only if the blob is still the one the manifest names, else all of it.
                message.Headers.Range = new RangeHeaderValue(offset, null);
                message.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"" + shard.Sha256 + "\""));
            }

            try
            {
                using var response = await SendAsync(message, $"shard '{shard.Key}' of run '{runId}'", cancellationToken, allow: HttpStatusCode.RequestedRangeNotSatisfiable).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
                {
                    File.Delete(part);
                    lastError = "range not satisfiable";
                    continue;
                }

                var append = response.StatusCode == HttpStatusCode.PartialContent;
                resumed |= append;
                var file = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        var buffer = new byte[1 << 16];
                        int read;
                        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                            _bodyBytes += read;
                        }
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // A cut connection: what arrived stays in the .part file and the next attempt asks for the rest.
                lastError = e.Message;
                continue;
            }

            if (await HashFileAsync(part, cancellationToken).ConfigureAwait(false) == shard.Sha256)
            {
                File.Move(part, path, overwrite: true);
                return resumed;
            }

            File.Delete(part);
            lastError = $"the bytes received do not hash to the manifest's sha256 {shard.Sha256}";
        }

        throw new PullFailedException($"shard '{shard.Key}' of run '{runId}': gave up after {attempts} attempts ({lastError}); run pull again to resume");
    }

    private static async Task AssembleAsync(string output, string cache, List<ShardEntry> shards, string manifestSha, PullState state, CancellationToken cancellationToken)
    {
        // The file is the shards in manifest order, decompressed; rebuilt only when the shard list behind it changed.
        var signature = manifestSha + ":" + string.Join(',', shards.Select(s => s.Key));
        if (File.Exists(output) && state.Assembled == signature)
        {
            return;
        }

        var temporary = output + ".tmp";
        var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (target.ConfigureAwait(false))
        {
            foreach (var shard in shards)
            {
                var source = File.OpenRead(ShardPath(cache, shard));
                await using (source.ConfigureAwait(false))
                {
                    Stream content = shard.Blob.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(source, CompressionMode.Decompress) : source;
                    await using (content.ConfigureAwait(false))
                    {
                        await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        File.Move(temporary, output, overwrite: true);
        (state with { Assembled = signature }).Write(Path.Combine(cache, StateFile));
    }

    private async Task ContractAsync(Uri tenantBase, string name, string version, string cache, string output, CancellationToken cancellationToken)
    {
        var local = Path.Combine(cache, "contract", version[7..], name);
        var message = new HttpRequestMessage(HttpMethod.Get, new Uri(tenantBase, "contracts/" + Uri.EscapeDataString(name) + "/versions/" + Uri.EscapeDataString(version) + "/content"));
        if (File.Exists(local))
        {
            message.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"" + version[7..] + "\""));
        }

        using (var response = await SendAsync(message, $"contract '{name}@{version}'", cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode != HttpStatusCode.NotModified)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await WriteAtomicallyAsync(local, await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
        }

        if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.Copy(local, output, overwrite: true);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string what, CancellationToken cancellationToken, HttpStatusCode? allow = null)
    {
        await _credentials.ApplyAsync(message, cancellationToken).ConfigureAwait(false);
        _requests++;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (message.Headers.Range is null && !message.RequestUri!.AbsolutePath.Contains("/shards/", StringComparison.Ordinal))
        {
            throw new PullFailedException($"{message.RequestUri}: {e.Message}", e);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified || response.StatusCode == allow)
        {
            return response;
        }

        using (response)
        {
            var detail = await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new CliException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase}: the server refused the credentials (set {PullCredentials.ApiKeyVariable} to a key for this tenant, or {PullCredentials.AccessTokenVariable} to an Entra ID token for it, or sign in for DefaultAzureCredential){detail}"),
                HttpStatusCode.NotFound => new CliException($"{what}: not found on {message.RequestUri!.GetLeftPart(UriPartial.Authority)}{detail}"),
                HttpStatusCode.Conflict => new PullFailedException($"{what}: the run is not finished yet{detail}"),
                _ => new PullFailedException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase}{detail}"),
            };
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        _bodyBytes += bytes.Length;
        return bytes;
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return problem.RootElement.TryGetProperty("detail", out var detail) ? " (" + detail.GetString() + ")" : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string ShardPath(string cache, ShardEntry shard) =>
        Path.Combine(cache, "shards", shard.Key + (shard.Blob.EndsWith(".ndjson.gz", StringComparison.Ordinal) ? ".ndjson.gz" : ".ndjson"));

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        await File.WriteAllBytesAsync(path + ".tmp", bytes, cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private sealed record ShardEntry(string Key, string Blob, string Target, string Variant, long Count, long Failed, string Sha256);
}
