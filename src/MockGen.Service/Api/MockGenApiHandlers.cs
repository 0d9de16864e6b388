using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Governance;
using MockGen.Storage.Lineage;
using MockGen.Storage.Prompts;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Service.Api;

/// <summary>
/// The API's handler logic, once, for every host: <c>mockgen serve</c> maps each method onto a minimal-API route
/// (<see cref="MockGenApi"/>), the Azure Functions app calls it from one HTTP function per route. Each method takes
/// the already-authorized tenant (the host runs <see cref="Auth.TenantAuthorizer"/> first), reads what it needs from
/// the request itself (body, query), and returns the <see cref="IResult"/> to execute on the request's
/// <see cref="HttpContext"/>: so both hosts parse, validate and answer identically. Pipeline bad-input errors
/// become problem details here.
/// </summary>
public sealed partial class MockGenApiHandlers
{
    /// <summary>The largest contract upload accepted, in bytes.</summary>
    public const long MaxContractBytes = 50 * 1024 * 1024;

    private readonly MockGenPipeline _pipeline;
    private readonly int _maxParallelShards;
    private readonly ApiKeyStore _keys;
    private readonly RunReproducer _reproducer;

    /// <summary>Creates the handlers over a pipeline.</summary>
    /// <param name="pipeline">The pipeline the API reads and starts runs on.</param>
    /// <param name="maxParallelShards">How many shard activities a run or drift started through the API keeps in flight.</param>
    /// <param name="keys">The API key store the key endpoints manage. Default: the one in the pipeline's store.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxParallelShards"/> is below 1.</exception>
    public MockGenApiHandlers(MockGenPipeline pipeline, int maxParallelShards, ApiKeyStore? keys = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelShards, 1);
        _maxParallelShards = maxParallelShards;
        _keys = keys ?? new ApiKeyStore(pipeline.Store.Tables, pipeline.Time);
        _reproducer = new RunReproducer(pipeline);
    }

    /// <summary><c>GET /openapi/v1.json</c>: the API's own OpenAPI document (anonymous).</summary>
    public static IResult GetOpenApiDocument() => Results.Stream(OpenApiDocument.Open(), "application/json");

    /// <summary><c>GET /v1/tenants/{tenant}/contracts</c>: every contract with its versions, their approval state and the active one.</summary>
    public Task<IResult> ListContractsAsync(string tenant, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var versions = new List<ContractVersion>();
        await foreach (var v in _pipeline.Registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(v);
        }

        var summaries = new List<ContractSummary>();
        foreach (var group in versions.GroupBy(v => v.Name, StringComparer.Ordinal))
        {
            summaries.Add(await SummarizeAsync(tenant, group.Key, [.. group], cancellationToken).ConfigureAwait(false));
        }

        return Results.Ok(summaries);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}</c>.</summary>
    public Task<IResult> ListContractVersionsAsync(string tenant, string name, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!Identifiers.IsContractName(name))
        {
            return Problems.BadRequest($"'{name}' is not a contract name");
        }

        var versions = new List<ContractVersion>();
        await foreach (var v in _pipeline.Registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(v.Name, name, StringComparison.Ordinal))
            {
                versions.Add(v);
            }
        }

        return versions.Count == 0 ? Problems.NotFound("contract", name) : Results.Ok(await SummarizeAsync(tenant, name, versions, cancellationToken).ConfigureAwait(false));
    });

    /// <summary><c>PUT /v1/tenants/{tenant}/contracts/{name}</c>: stores the body as the contract blob and registers it.</summary>
    public Task<IResult> UploadContractAsync(string tenant, string name, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Identifiers.IsContractName(name) || string.Equals(name, Identifiers.ProfileBlobName, StringComparison.Ordinal))
        {
            return Problems.BadRequest($"'{name}' is not a contract name");
        }

        if (request.ContentLength > MaxContractBytes)
        {
            return Problems.BadRequest($"a contract is at most {MaxContractBytes} bytes");
        }

        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxContractBytes)
        {
            return Problems.BadRequest($"a contract is at most {MaxContractBytes} bytes");
        }

        var content = buffer.ToArray();
        // Registered and published (classified against the active version, with this request's principal) before the
        // blob is written, so the contract watcher or blob trigger that sees the blob finds the decision already made.
        var version = await _pipeline.Registry.RegisterAsync(tenant, name, content, cancellationToken).ConfigureAwait(false);
        var decision = await _pipeline.Publisher.PublishContractAsync(version, PrincipalId(request), cancellationToken).ConfigureAwait(false);
        await _pipeline.Store.Blobs.WriteAsync($"contracts/{tenant}/{name}", new MemoryStream(content, writable: false), cancellationToken).ConfigureAwait(false);
        AuditNote.Describe(request, "contract:" + name, version.Version, decision is null ? "failed to load" : decision.Change.ToString(), decision?.State == ApprovalState.PendingApproval ? "pending-approval" : null);
        if (version.Status == ContractStatus.Failed)
        {
            return Results.Problem(
                detail: $"{name}: the contract could not be loaded; version {version.Version} is recorded as failed",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Contract failed to load",
                extensions: new Dictionary<string, object?> { ["version"] = version.Version, ["diagnostics"] = version.Diagnostics });
        }

        var active = await _pipeline.Governance.GetActiveAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false);
        var state = ContractVersionState.Of(version, decision, active);
        // 202: stored, but waiting for an approver before it becomes active.
        return decision?.State == ApprovalState.PendingApproval ? Results.Json(state, statusCode: StatusCodes.Status202Accepted) : Results.Ok(state);
    });

    /// <summary><c>POST /v1/tenants/{tenant}/runs</c> with a <see cref="StartRunRequest"/> body: records the run and starts it through <paramref name="starter"/>.</summary>
    public Task<IResult> StartRunAsync(string tenant, HttpRequest request, IRunStarter starter, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(starter);
        var (body, refusal) = await ReadBodyAsync<StartRunRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body is null || !Identifiers.IsContractName(body.Contract))
        {
            return Problems.BadRequest("'contract' must name one of the tenant's contracts");
        }

        // Without a version, the active one (a store from before governance has none: its latest upload).
        var requested = body.Version
            ?? await _pipeline.Governance.GetActiveAsync(tenant, VersionKind.Contract, body.Contract, cancellationToken).ConfigureAwait(false);
        var version = requested is null
            ? await _pipeline.Registry.GetLatestAsync(tenant, body.Contract, cancellationToken).ConfigureAwait(false)
            : Identifiers.IsVersion(requested) ? await _pipeline.Registry.GetAsync(tenant, body.Contract, requested, cancellationToken).ConfigureAwait(false) : null;
        if (version is null)
        {
            return Problems.NotFound("contract version", body.Contract + "@" + (body.Version ?? "active"));
        }

        if (version.Status != ContractStatus.Ready)
        {
            return Results.Problem(detail: $"{body.Contract}@{version.Version} failed to load: {string.Join("; ", version.Diagnostics)}", statusCode: StatusCodes.Status409Conflict, title: "Contract version not usable");
        }

        if (await _pipeline.Governance.GetAsync(tenant, VersionKind.Contract, body.Contract, version.Version, cancellationToken).ConfigureAwait(false) is { State: not ApprovalState.Approved } unapproved)
        {
            return Problems.Conflict($"{body.Contract}@{version.Version} is {unapproved.State}: an approver must approve it before runs may use it");
        }

        var (profile, profileVersion) = await _pipeline.Registry.GetActiveProfileAsync(tenant, cancellationToken).ConfigureAwait(false);
        profile = (profile with
        {
            Variants = body.Variants ?? profile.Variants,
            CountPerTarget = body.CountPerTarget ?? profile.CountPerTarget,
            Seed = body.Seed ?? profile.Seed,
            Environment = body.Environment ?? profile.Environment,
            Locale = body.Locale ?? profile.Locale,
            ShardSize = body.ShardSize ?? profile.ShardSize,
            Gzip = body.Gzip ?? profile.Gzip,
        }).Validated("request body");
        var spec = RunSpec.FromProfile(tenant, body.Contract, version.Version, profile, body.RunId, _maxParallelShards) with { ProfileVersion = profileVersion };
        spec = await RunPrompts.PinAsync(spec, profile.Ai, _pipeline.Prompts.Registry, runIdGiven: body.RunId is not null, cancellationToken).ConfigureAwait(false);
        AuditNote.Describe(request, "run:" + spec.RunId, version.Version, "contract " + body.Contract);
        var record = await starter.StartAsync(spec, cancellationToken).ConfigureAwait(false);
        return Results.Accepted($"/v1/tenants/{tenant}/runs/{spec.RunId}", record);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/runs</c>.</summary>
    public Task<IResult> ListRunsAsync(string tenant, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var runs = new List<RunRecord>();
        await foreach (var run in _pipeline.Runs.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            runs.Add(run);
        }

        return Results.Ok(runs);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}</c>: the run record as <paramref name="starter"/> sees it (the Durable host adds the orchestration's state) and, once sealed, its manifest.</summary>
    public Task<IResult> GetRunAsync(string tenant, string runId, IRunStarter starter, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(starter);
        var run = await FindRunAsync(tenant, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound("run", runId);
        }

        run = await starter.ObserveAsync(run, cancellationToken).ConfigureAwait(false);
        JsonElement? manifest = null;
        if (run.IsSealed && run.ManifestPath is not null && await _pipeline.Store.Blobs.OpenReadAsync(run.ManifestPath, cancellationToken).ConfigureAwait(false) is { } stream)
        {
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                manifest = document.RootElement.Clone();
            }
        }

        return Results.Ok(new RunStatusResponse(run, manifest));
    });

    /// <summary>
    /// <c>GET /v1/tenants/{tenant}/runs/{runId}/payloads?target=&amp;variant=&amp;from=&amp;to=</c>: the sealed dataset as
    /// NDJSON, streamed shard by shard, gzip when accepted, with an ETag that answers conditional requests with 304.
    /// </summary>
    public Task<IResult> StreamPayloadsAsync(string tenant, string runId, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        string? target = query["target"], variant = query["variant"];
        if (!TryParseIndex(query["from"], out var from) || !TryParseIndex(query["to"], out var to))
        {
            return Problems.BadRequest("'from' and 'to' must be integers");
        }

        var run = await FindRunAsync(tenant, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound("run", runId);
        }

        if (!run.IsSealed)
        {
            return Problems.NotSealed(runId);
        }

        if (variant is not null && !TenantProfile.KnownVariants.Contains(variant, StringComparer.Ordinal))
        {
            return Problems.BadRequest($"variant '{variant}' is not one of {string.Join(", ", TenantProfile.KnownVariants)}");
        }

        if (from < 0 || to < 0 || from > to)
        {
            return Problems.BadRequest("'from' and 'to' must be non-negative with from <= to");
        }

        var gzip = AcceptsGzip(request);
        var response = request.HttpContext.Response;

        // A sealed run never changes, so the manifest hash plus the filter and encoding identify the bytes exactly.
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', run.ManifestSha256, target, variant, from, to, gzip))))[..32] + "\"";
        response.Headers.ETag = etag;
        response.Headers.Vary = "Accept-Encoding";
        response.Headers.CacheControl = "private, max-age=31536000, immutable";
        if (request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        var filter = new DatasetFilter(target, variant, from, to);
        var aborted = request.HttpContext.RequestAborted;
        return Results.Stream(
            async body =>
            {
                if (gzip)
                {
                    var compressed = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true);
                    await using (compressed.ConfigureAwait(false))
                    {
                        await _pipeline.Reader.CopyAsync(tenant, runId, filter, compressed, aborted).ConfigureAwait(false);
                    }
                }
                else
                {
                    await _pipeline.Reader.CopyAsync(tenant, runId, filter, body, aborted).ConfigureAwait(false);
                }
            },
            "application/x-ndjson");
    });

    /// <summary>
    /// <c>GET /v1/tenants/{tenant}/runs/{runId}/manifest</c>: the sealed run's manifest as stored (shard keys, blobs,
    /// SHA-256s), with the manifest's SHA-256 as a strong ETag: a client that already holds it gets 304 and no body.
    /// </summary>
    public Task<IResult> GetManifestAsync(string tenant, string runId, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await FindRunAsync(tenant, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound("run", runId);
        }

        if (!run.IsSealed || run.ManifestPath is null || run.ManifestSha256 is null)
        {
            return Problems.NotSealed(runId);
        }

        var stream = await _pipeline.Store.Blobs.OpenReadAsync(run.ManifestPath, cancellationToken).ConfigureAwait(false);
        return stream is null
            ? Problems.NotFound("manifest", runId)
            : Results.File(stream, "application/json", entityTag: StrongTag(run.ManifestSha256), enableRangeProcessing: false);
    });

    /// <summary>
    /// <c>GET /v1/tenants/{tenant}/runs/{runId}/shards/{shardKey}</c>: one shard blob's bytes exactly as stored (gzip when
    /// the run is), with its SHA-256 as a strong ETag, <c>If-None-Match</c> (304) and <c>Range</c>/<c>If-Range</c> (206),
    /// so a client resumes a cut download where it stopped and verifies the whole against the manifest.
    /// </summary>
    public Task<IResult> GetShardAsync(string tenant, string runId, string shardKey, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await FindRunAsync(tenant, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound("run", runId);
        }

        if (!run.IsSealed || run.ManifestPath is null)
        {
            return Problems.NotSealed(runId);
        }

        // The manifest names the run's shards: a key that is not in it reaches no blob, whatever its characters.
        string? blob = null, sha256 = null;
        if (await _pipeline.Store.Blobs.OpenReadAsync(run.ManifestPath, cancellationToken).ConfigureAwait(false) is { } manifestStream)
        {
            await using (manifestStream.ConfigureAwait(false))
            {
                using var manifest = await JsonDocument.ParseAsync(manifestStream, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var shard in manifest.RootElement.GetProperty("shards").EnumerateArray())
                {
                    if (string.Equals(shard.GetProperty("key").GetString(), shardKey, StringComparison.Ordinal))
                    {
                        blob = shard.GetProperty("blob").GetString();
                        sha256 = shard.GetProperty("sha256").GetString();
                        break;
                    }
                }
            }
        }

        if (blob is null || sha256 is null || await _pipeline.Store.Blobs.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false) is not { } stream)
        {
            return Problems.NotFound("shard", runId + "/" + shardKey);
        }

        var contentType = blob.EndsWith(".gz", StringComparison.Ordinal) ? "application/gzip" : "application/x-ndjson";
        return Results.File(stream, contentType, entityTag: StrongTag(sha256), enableRangeProcessing: stream.CanSeek);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}/versions/{version}/content</c>: the version's bytes as uploaded (immutable; ETag is its hash).</summary>
    public Task<IResult> GetContractContentAsync(string tenant, string name, string version, HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Identifiers.IsContractName(name) || !Identifiers.IsVersion(version))
        {
            return Problems.BadRequest("expected a contract name and a sha256: version");
        }

        if (await _pipeline.Registry.GetAsync(tenant, name, version, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("contract version", name + "@" + version);
        }

        var content = await _pipeline.Registry.ReadContentAsync(tenant, name, version, cancellationToken).ConfigureAwait(false);
        return Results.File(content, "application/octet-stream", entityTag: StrongTag(version[7..]));
    });

    /// <summary><c>GET /v1/tenants/{tenant}/payloads/{payloadId}</c>: one record and its lineage.</summary>
    public Task<IResult> GetPayloadAsync(string tenant, string payloadId, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var id = PayloadId.TryParse(payloadId);
        if (id is null)
        {
            return Problems.BadRequest($"'{payloadId}' is not a payload id (runId~targetOrdinal~variant~index)");
        }

        var found = await _pipeline.Reader.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return Problems.NotFound("payload", payloadId);
        }

        var (shard, record) = found.Value;
        using var document = JsonDocument.Parse(record);
        return Results.Ok(new PayloadLookup(id.ToString(), shard.RunId, shard.ContractName, shard.ContractVersion, shard.Seed, shard.Environment, shard.GeneratorVersion, shard.TargetId, shard.Variant, id.Index, shard.BlobPath, document.RootElement.Clone()));
    });

    /// <summary><c>POST /v1/tenants/{tenant}/runs/{runId}/drift</c> with a <see cref="DriftRequest"/> body: runs the drift orchestration through <paramref name="starter"/> and returns its report.</summary>
    public Task<IResult> RunDriftAsync(string tenant, string runId, HttpRequest request, IRunStarter starter, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(starter);
        var (body, refusal) = await ReadBodyAsync<DriftRequest>(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var run = await FindRunAsync(tenant, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound("run", runId);
        }

        if (!run.IsSealed)
        {
            return Problems.NotSealed(runId);
        }

        var contract = body?.Contract ?? run.Spec.ContractName;
        if (body is null || !Identifiers.IsVersion(body.Version) || !Identifiers.IsContractName(contract)
            || await _pipeline.Registry.GetAsync(tenant, contract, body.Version, cancellationToken).ConfigureAwait(false) is not { Status: ContractStatus.Ready })
        {
            return Problems.NotFound("contract version", contract + "@" + body?.Version);
        }

        AuditNote.Describe(request, "run:" + runId, body.Version, "drift of " + contract);
        var report = await starter.DriftAsync(new DriftSpec(tenant, runId, contract, body.Version, _maxParallelShards), cancellationToken).ConfigureAwait(false);
        return Results.Ok(report);
    });

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/drift/{version}</c>: a stored drift report.</summary>
    public Task<IResult> GetDriftAsync(string tenant, string runId, string version, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!Identifiers.IsRunId(runId) || !Identifiers.IsVersion(version))
        {
            return Problems.BadRequest("expected a run id and a sha256: contract version");
        }

        var stream = await _pipeline.Store.Blobs.OpenReadAsync($"reports/{tenant}/{runId}/drift-{version[7..]}.json", cancellationToken).ConfigureAwait(false);
        return stream is null ? Problems.NotFound("drift report", runId + " vs " + version) : Results.Stream(stream, "application/json");
    });

    private static async Task<IResult> GuardAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (MockGenStorageException e)
        {
            return Problems.From(e);
        }
    }

    /// <summary>Reads a JSON body with the host's HTTP JSON options, answering what minimal-API body binding answers for bad bodies.</summary>
    private static async Task<(T? Body, IResult? Refusal)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(detail: "the body must be JSON (Content-Type: application/json)", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("the body is not valid JSON for this request: " + e.Message));
        }
    }

    private static bool TryParseIndex(string? value, out long? index)
    {
        index = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            index = parsed;
            return true;
        }

        return false;
    }

    private async Task<RunRecord?> FindRunAsync(string tenant, string runId, CancellationToken cancellationToken) =>
        Identifiers.IsRunId(runId) ? await _pipeline.Runs.GetAsync(tenant, runId, cancellationToken).ConfigureAwait(false) : null;

    private static Microsoft.Net.Http.Headers.EntityTagHeaderValue StrongTag(string hex) => new("\"" + hex + "\"");

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Split(',').Any(e => e.Trim().StartsWith("gzip", StringComparison.OrdinalIgnoreCase) && !e.Contains("q=0", StringComparison.Ordinal)));
}
