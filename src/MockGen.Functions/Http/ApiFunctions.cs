using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MockGen.Functions.Orchestration;
using MockGen.Service.Api;
using MockGen.Service.Auth;
using MockGen.Storage;

namespace MockGen.Functions.Http;

/// <summary>
/// The HTTP API: one function per route of <c>mockgen serve</c>, same route, method and name. The triggers are
/// anonymous because function keys do not isolate tenants; each tenant function first asks
/// <see cref="TenantAuthorizer"/>, then returns what <see cref="MockGenApiHandlers"/> answers, the code serve runs.
/// host.json sets an empty route prefix, so the paths equal serve's.
/// </summary>
public sealed class ApiFunctions(MockGenApiHandlers api, TenantAuthorizer authorizer, MockGenPipeline pipeline)
{
    private const string Tenant = "v1/tenants/{tenant}";

    /// <summary><c>GET /openapi/v1.json</c> (anonymous, as in serve).</summary>
    [Function("GetOpenApiDocument")]
    public static IResult GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request) =>
        MockGenApiHandlers.GetOpenApiDocument();

    /// <summary><c>GET /v1/tenants/{tenant}/contracts</c>.</summary>
    [Function("ListContracts")]
    public async Task<IResult> ListContractsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.ListContractsAsync(tenant, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}</c>.</summary>
    [Function("ListContractVersions")]
    public async Task<IResult> ListContractVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts/{name}")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.ListContractVersionsAsync(tenant, name, cancellationToken).ConfigureAwait(false);

    /// <summary><c>PUT /v1/tenants/{tenant}/contracts/{name}</c>.</summary>
    [Function("UploadContract")]
    public async Task<IResult> UploadContractAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Tenant + "/contracts/{name}")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.UploadContractAsync(tenant, name, request, cancellationToken).ConfigureAwait(false);

    /// <summary><c>POST /v1/tenants/{tenant}/runs</c>: starts the run orchestration.</summary>
    [Function("StartRun")]
    public async Task<IResult> StartRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/runs")] HttpRequest request, string tenant, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.StartRunAsync(tenant, request, Starter(client), cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/runs</c>.</summary>
    [Function("ListRuns")]
    public async Task<IResult> ListRunsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.ListRunsAsync(tenant, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}</c>: the catalog's record corrected by the Durable instance.</summary>
    [Function("GetRun")]
    public async Task<IResult> GetRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}")] HttpRequest request, string tenant, string runId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.GetRunAsync(tenant, runId, Starter(client), cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/payloads</c>: NDJSON, filtered, gzip, ETag.</summary>
    [Function("StreamPayloads")]
    public async Task<IResult> StreamPayloadsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/payloads")] HttpRequest request, string tenant, string runId, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.StreamPayloadsAsync(tenant, runId, request, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/manifest</c>: the sealed manifest, ETag = its SHA-256.</summary>
    [Function("GetManifest")]
    public async Task<IResult> GetManifestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/manifest")] HttpRequest request, string tenant, string runId, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.GetManifestAsync(tenant, runId, request, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/shards/{shardKey}</c>: one shard's bytes, ETag and Range.</summary>
    [Function("GetShard")]
    public async Task<IResult> GetShardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/shards/{shardKey}")] HttpRequest request, string tenant, string runId, string shardKey, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.GetShardAsync(tenant, runId, shardKey, request, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}/versions/{version}/content</c>: a contract version's bytes.</summary>
    [Function("GetContractContent")]
    public async Task<IResult> GetContractContentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts/{name}/versions/{version}/content")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.GetContractContentAsync(tenant, name, version, request, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/payloads/{payloadId}</c>.</summary>
    [Function("GetPayload")]
    public async Task<IResult> GetPayloadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/payloads/{payloadId}")] HttpRequest request, string tenant, string payloadId, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.GetPayloadAsync(tenant, payloadId, cancellationToken).ConfigureAwait(false);

    /// <summary><c>POST /v1/tenants/{tenant}/runs/{runId}/drift</c>: runs the drift orchestration and waits for its report.</summary>
    [Function("RunDrift")]
    public async Task<IResult> RunDriftAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/runs/{runId}/drift")] HttpRequest request, string tenant, string runId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.RunDriftAsync(tenant, runId, request, Starter(client), cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/drift/{version}</c>.</summary>
    [Function("GetDrift")]
    public async Task<IResult> GetDriftAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/drift/{version}")] HttpRequest request, string tenant, string runId, string version, CancellationToken cancellationToken) =>
        await RefuseAsync(request, tenant, cancellationToken).ConfigureAwait(false)
        ?? await api.GetDriftAsync(tenant, runId, version, cancellationToken).ConfigureAwait(false);

    private Task<IResult?> RefuseAsync(HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.AuthorizeAsync(request, tenant, cancellationToken);

    private DurableRunStarter Starter(DurableTaskClient client) => new(client, pipeline.Runs);
}
