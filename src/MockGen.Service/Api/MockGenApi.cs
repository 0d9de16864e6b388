using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Service.Api;

/// <summary>
/// The HTTP API as minimal-API endpoints. Handlers are thin: they validate ids, call the pipeline and shape the
/// response. Every tenant route sits behind <see cref="TenantAccessFilter"/>.
/// </summary>
public static class MockGenApi
{
    private const long MaxContractBytes = 50 * 1024 * 1024;

    /// <summary>Maps the API (and its OpenAPI document) onto an app.</summary>
    public static IEndpointRouteBuilder MapMockGenApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/openapi/v1.json", () => Results.Stream(OpenApiDocument.Open(), "application/json"))
            .WithName("GetOpenApiDocument");

        var tenant = app.MapGroup("/v1/tenants/{tenant}")
            .AddEndpointFilter<TenantAccessFilter>()
            .AddEndpointFilter<StorageExceptionFilter>();

        tenant.MapGet("/contracts", ListContractsAsync).WithName("ListContracts");
        tenant.MapGet("/contracts/{name}", ListContractVersionsAsync).WithName("ListContractVersions");
        tenant.MapPut("/contracts/{name}", UploadContractAsync).WithName("UploadContract");
        tenant.MapPost("/runs", StartRunAsync).WithName("StartRun");
        tenant.MapGet("/runs", ListRunsAsync).WithName("ListRuns");
        tenant.MapGet("/runs/{runId}", GetRunAsync).WithName("GetRun");
        tenant.MapGet("/runs/{runId}/payloads", StreamPayloadsAsync).WithName("StreamPayloads");
        tenant.MapGet("/payloads/{payloadId}", GetPayloadAsync).WithName("GetPayload");
        tenant.MapPost("/runs/{runId}/drift", RunDriftAsync).WithName("RunDrift");
        tenant.MapGet("/runs/{runId}/drift/{version}", GetDriftAsync).WithName("GetDrift");
        return app;
    }

    private static async Task<IResult> ListContractsAsync(string tenant, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        var versions = new List<ContractVersion>();
        await foreach (var v in pipeline.Registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(v);
        }

        return Results.Ok(versions.GroupBy(v => v.Name, StringComparer.Ordinal).Select(g => new ContractSummary(g.Key, g.ToList())).ToList());
    }

    private static async Task<IResult> ListContractVersionsAsync(string tenant, string name, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsContractName(name))
        {
            return Problems.BadRequest($"'{name}' is not a contract name");
        }

        var versions = new List<ContractVersion>();
        await foreach (var v in pipeline.Registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(v.Name, name, StringComparison.Ordinal))
            {
                versions.Add(v);
            }
        }

        return versions.Count == 0 ? Problems.NotFound("contract", name) : Results.Ok(new ContractSummary(name, versions));
    }

    private static async Task<IResult> UploadContractAsync(string tenant, string name, HttpRequest request, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsContractName(name) || string.Equals(name, Identifiers.ProfileBlobName, StringComparison.Ordinal))
        {
            return Problems.BadRequest($"'{name}' is not a contract name");
        }

        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxContractBytes)
        {
            return Problems.BadRequest($"a contract is at most {MaxContractBytes} bytes");
        }

        var content = buffer.ToArray();
        await pipeline.Store.Blobs.WriteAsync($"contracts/{tenant}/{name}", new MemoryStream(content, writable: false), cancellationToken).ConfigureAwait(false);
        var version = await pipeline.Registry.RegisterAsync(tenant, name, content, cancellationToken).ConfigureAwait(false);
        if (version.Status == ContractStatus.Failed)
        {
            return Results.Problem(
                detail: $"{name}: the contract could not be loaded; version {version.Version} is recorded as failed",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Contract failed to load",
                extensions: new Dictionary<string, object?> { ["version"] = version.Version, ["diagnostics"] = version.Diagnostics });
        }

        return Results.Ok(version);
    }

    private static async Task<IResult> StartRunAsync(string tenant, StartRunRequest body, MockGenPipeline pipeline, IRunStarter starter, ServeOptions options, CancellationToken cancellationToken)
    {
        if (body is null || !Identifiers.IsContractName(body.Contract))
        {
            return Problems.BadRequest("'contract' must name one of the tenant's contracts");
        }

        var version = body.Version is null
            ? await pipeline.Registry.GetLatestAsync(tenant, body.Contract, cancellationToken).ConfigureAwait(false)
            : Identifiers.IsVersion(body.Version) ? await pipeline.Registry.GetAsync(tenant, body.Contract, body.Version, cancellationToken).ConfigureAwait(false) : null;
        if (version is null)
        {
            return Problems.NotFound("contract version", body.Contract + "@" + (body.Version ?? "latest"));
        }

        if (version.Status != ContractStatus.Ready)
        {
            return Results.Problem(detail: $"{body.Contract}@{version.Version} failed to load: {string.Join("; ", version.Diagnostics)}", statusCode: StatusCodes.Status409Conflict, title: "Contract version not usable");
        }

        var profile = await pipeline.Registry.GetProfileAsync(tenant, cancellationToken).ConfigureAwait(false);
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
        var spec = RunSpec.FromProfile(tenant, body.Contract, version.Version, profile, body.RunId, options.MaxParallelShards);
        var record = await starter.StartAsync(spec, cancellationToken).ConfigureAwait(false);
        return Results.Accepted($"/v1/tenants/{tenant}/runs/{spec.RunId}", record);
    }

    private static async Task<IResult> ListRunsAsync(string tenant, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await foreach (var run in pipeline.Runs.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            runs.Add(run);
        }

        return Results.Ok(runs);
    }

    private static async Task<IResult> GetRunAsync(string tenant, string runId, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        var run = await FindRunAsync(tenant, runId, pipeline, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound("run", runId);
        }

        JsonElement? manifest = null;
        if (run.IsSealed && run.ManifestPath is not null && await pipeline.Store.Blobs.OpenReadAsync(run.ManifestPath, cancellationToken).ConfigureAwait(false) is { } stream)
        {
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                manifest = document.RootElement.Clone();
            }
        }

        return Results.Ok(new RunStatusResponse(run, manifest));
    }

    private static async Task<IResult> StreamPayloadsAsync(
        HttpContext http, string tenant, string runId, string? target, string? variant, long? from, long? to, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        var run = await FindRunAsync(tenant, runId, pipeline, cancellationToken).ConfigureAwait(false);
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

        var gzip = AcceptsGzip(http.Request);

        // A sealed run never changes, so the manifest hash plus the filter and encoding identify the bytes exactly.
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', run.ManifestSha256, target, variant, from, to, gzip))))[..32] + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.Vary = "Accept-Encoding";
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (gzip)
        {
            http.Response.Headers.ContentEncoding = "gzip";
        }

        var filter = new DatasetFilter(target, variant, from, to);
        return Results.Stream(
            async body =>
            {
                if (gzip)
                {
                    var compressed = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true);
                    await using (compressed.ConfigureAwait(false))
                    {
                        await pipeline.Reader.CopyAsync(tenant, runId, filter, compressed, http.RequestAborted).ConfigureAwait(false);
                    }
                }
                else
                {
                    await pipeline.Reader.CopyAsync(tenant, runId, filter, body, http.RequestAborted).ConfigureAwait(false);
                }
            },
            "application/x-ndjson");
    }

    private static async Task<IResult> GetPayloadAsync(string tenant, string payloadId, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        var id = PayloadId.TryParse(payloadId);
        if (id is null)
        {
            return Problems.BadRequest($"'{payloadId}' is not a payload id (runId~targetOrdinal~variant~index)");
        }

        var found = await pipeline.Reader.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return Problems.NotFound("payload", payloadId);
        }

        var (shard, record) = found.Value;
        using var document = JsonDocument.Parse(record);
        return Results.Ok(new PayloadLookup(id.ToString(), shard.RunId, shard.ContractName, shard.ContractVersion, shard.Seed, shard.Environment, shard.GeneratorVersion, shard.TargetId, shard.Variant, id.Index, shard.BlobPath, document.RootElement.Clone()));
    }

    private static async Task<IResult> RunDriftAsync(string tenant, string runId, DriftRequest body, MockGenPipeline pipeline, IRunStarter starter, ServeOptions options, CancellationToken cancellationToken)
    {
        var run = await FindRunAsync(tenant, runId, pipeline, cancellationToken).ConfigureAwait(false);
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
            || await pipeline.Registry.GetAsync(tenant, contract, body.Version, cancellationToken).ConfigureAwait(false) is not { Status: ContractStatus.Ready })
        {
            return Problems.NotFound("contract version", contract + "@" + body?.Version);
        }

        var report = await starter.DriftAsync(new DriftSpec(tenant, runId, contract, body.Version, options.MaxParallelShards), cancellationToken).ConfigureAwait(false);
        return Results.Ok(report);
    }

    private static async Task<IResult> GetDriftAsync(string tenant, string runId, string version, MockGenPipeline pipeline, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsRunId(runId) || !Identifiers.IsVersion(version))
        {
            return Problems.BadRequest("expected a run id and a sha256: contract version");
        }

        var stream = await pipeline.Store.Blobs.OpenReadAsync($"reports/{tenant}/{runId}/drift-{version[7..]}.json", cancellationToken).ConfigureAwait(false);
        return stream is null ? Problems.NotFound("drift report", runId + " vs " + version) : Results.Stream(stream, "application/json");
    }

    private static async Task<RunRecord?> FindRunAsync(string tenant, string runId, MockGenPipeline pipeline, CancellationToken cancellationToken) =>
        Identifiers.IsRunId(runId) ? await pipeline.Runs.GetAsync(tenant, runId, cancellationToken).ConfigureAwait(false) : null;

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Split(',').Any(e => e.Trim().StartsWith("gzip", StringComparison.OrdinalIgnoreCase) && !e.Contains("q=0", StringComparison.Ordinal)));
}
