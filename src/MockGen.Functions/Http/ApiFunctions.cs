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
/// anonymous because function keys do not isolate tenants; each tenant function runs through
/// <see cref="TenantAuthorizer.InvokeAsync"/> under its own name (the role <see cref="ApiRoutes"/> declares, the
/// audit entry), which returns what <see cref="MockGenApiHandlers"/> answers, the code serve runs.
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
    public Task<IResult> ListContractsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ListContracts", () => api.ListContractsAsync(tenant, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}</c>.</summary>
    [Function("ListContractVersions")]
    public Task<IResult> ListContractVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts/{name}")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ListContractVersions", () => api.ListContractVersionsAsync(tenant, name, cancellationToken), cancellationToken);

    /// <summary><c>PUT /v1/tenants/{tenant}/contracts/{name}</c>.</summary>
    [Function("UploadContract")]
    public Task<IResult> UploadContractAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Tenant + "/contracts/{name}")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "UploadContract", () => api.UploadContractAsync(tenant, name, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}/versions/{version}</c>: the version's bytes.</summary>
    [Function("GetContractVersion")]
    public Task<IResult> GetContractVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts/{name}/versions/{version}")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetContractVersion", () => api.GetContractVersionAsync(tenant, name, version, cancellationToken), cancellationToken);

    /// <summary><c>POST …/contracts/{name}/versions/{version}/approve</c>: active, and its run orchestration starts.</summary>
    [Function("ApproveContractVersion")]
    public Task<IResult> ApproveContractVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/contracts/{name}/versions/{version}/approve")] HttpRequest request, string tenant, string name, string version, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ApproveContractVersion", () => api.ApproveContractVersionAsync(tenant, name, version, request, Starter(client), cancellationToken), cancellationToken);

    /// <summary><c>POST …/contracts/{name}/versions/{version}/reject</c>.</summary>
    [Function("RejectContractVersion")]
    public Task<IResult> RejectContractVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/contracts/{name}/versions/{version}/reject")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "RejectContractVersion", () => api.RejectContractVersionAsync(tenant, name, version, request, cancellationToken), cancellationToken);

    /// <summary><c>POST …/contracts/{name}/active</c>: rollback, optionally re-validating with the drift orchestration.</summary>
    [Function("ActivateContractVersion")]
    public Task<IResult> ActivateContractVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/contracts/{name}/active")] HttpRequest request, string tenant, string name, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ActivateContractVersion", () => api.ActivateContractVersionAsync(tenant, name, request, Starter(client), cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/profile</c>.</summary>
    [Function("GetProfile")]
    public Task<IResult> GetProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/profile")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetProfile", () => api.GetProfileAsync(tenant, cancellationToken), cancellationToken);

    /// <summary><c>PUT /v1/tenants/{tenant}/profile</c>.</summary>
    [Function("UploadProfile")]
    public Task<IResult> UploadProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Tenant + "/profile")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "UploadProfile", () => api.UploadProfileAsync(tenant, request, cancellationToken), cancellationToken);

    /// <summary><c>POST …/profile/versions/{version}/approve</c>.</summary>
    [Function("ApproveProfileVersion")]
    public Task<IResult> ApproveProfileVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/profile/versions/{version}/approve")] HttpRequest request, string tenant, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ApproveProfileVersion", () => api.ApproveProfileVersionAsync(tenant, version, request, cancellationToken), cancellationToken);

    /// <summary><c>POST …/profile/versions/{version}/reject</c>.</summary>
    [Function("RejectProfileVersion")]
    public Task<IResult> RejectProfileVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/profile/versions/{version}/reject")] HttpRequest request, string tenant, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "RejectProfileVersion", () => api.RejectProfileVersionAsync(tenant, version, request, cancellationToken), cancellationToken);

    /// <summary><c>POST …/profile/active</c>.</summary>
    [Function("ActivateProfileVersion")]
    public Task<IResult> ActivateProfileVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/profile/active")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ActivateProfileVersion", () => api.ActivateProfileVersionAsync(tenant, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/prompts</c>.</summary>
    [Function("ListPrompts")]
    public Task<IResult> ListPromptsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/prompts")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ListPrompts", () => api.ListPromptsAsync(tenant, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/prompts/{name}</c>.</summary>
    [Function("ListPromptVersions")]
    public Task<IResult> ListPromptVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/prompts/{name}")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ListPromptVersions", () => api.ListPromptVersionsAsync(tenant, name, cancellationToken), cancellationToken);

    /// <summary><c>PUT /v1/tenants/{tenant}/prompts/{name}</c>: active, or pending under the tenant's policy.</summary>
    [Function("UploadPrompt")]
    public Task<IResult> UploadPromptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Tenant + "/prompts/{name}")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "UploadPrompt", () => api.UploadPromptAsync(tenant, name, request, cancellationToken), cancellationToken);

    /// <summary><c>GET …/prompts/{name}/versions/{version}</c>: the version's text.</summary>
    [Function("GetPromptVersion")]
    public Task<IResult> GetPromptVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/prompts/{name}/versions/{version}")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetPromptVersion", () => api.GetPromptVersionAsync(tenant, name, version, cancellationToken), cancellationToken);

    /// <summary><c>POST …/prompts/{name}/versions/{version}/approve</c>.</summary>
    [Function("ApprovePromptVersion")]
    public Task<IResult> ApprovePromptVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/prompts/{name}/versions/{version}/approve")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ApprovePromptVersion", () => api.ApprovePromptVersionAsync(tenant, name, version, request, cancellationToken), cancellationToken);

    /// <summary><c>POST …/prompts/{name}/versions/{version}/reject</c>.</summary>
    [Function("RejectPromptVersion")]
    public Task<IResult> RejectPromptVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/prompts/{name}/versions/{version}/reject")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "RejectPromptVersion", () => api.RejectPromptVersionAsync(tenant, name, version, request, cancellationToken), cancellationToken);

    /// <summary><c>POST …/prompts/{name}/active</c>: rollback.</summary>
    [Function("ActivatePromptVersion")]
    public Task<IResult> ActivatePromptVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/prompts/{name}/active")] HttpRequest request, string tenant, string name, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ActivatePromptVersion", () => api.ActivatePromptVersionAsync(tenant, name, request, cancellationToken), cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/runs</c>: starts the run orchestration.</summary>
    [Function("StartRun")]
    public Task<IResult> StartRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/runs")] HttpRequest request, string tenant, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "StartRun", () => api.StartRunAsync(tenant, request, Starter(client), cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/runs</c>.</summary>
    [Function("ListRuns")]
    public Task<IResult> ListRunsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ListRuns", () => api.ListRunsAsync(tenant, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}</c>: the catalog's record corrected by the Durable instance.</summary>
    [Function("GetRun")]
    public Task<IResult> GetRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}")] HttpRequest request, string tenant, string runId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetRun", () => api.GetRunAsync(tenant, runId, Starter(client), cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/payloads</c>: NDJSON, filtered, gzip, ETag.</summary>
    [Function("StreamPayloads")]
    public Task<IResult> StreamPayloadsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/payloads")] HttpRequest request, string tenant, string runId, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "StreamPayloads", () => api.StreamPayloadsAsync(tenant, runId, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/manifest</c>: the sealed manifest, ETag = its SHA-256.</summary>
    [Function("GetManifest")]
    public Task<IResult> GetManifestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/manifest")] HttpRequest request, string tenant, string runId, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetManifest", () => api.GetManifestAsync(tenant, runId, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/shards/{shardKey}</c>: one shard's bytes, ETag and Range.</summary>
    [Function("GetShard")]
    public Task<IResult> GetShardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/shards/{shardKey}")] HttpRequest request, string tenant, string runId, string shardKey, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetShard", () => api.GetShardAsync(tenant, runId, shardKey, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/contracts/{name}/versions/{version}/content</c>: a contract version's bytes.</summary>
    [Function("GetContractContent")]
    public Task<IResult> GetContractContentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/contracts/{name}/versions/{version}/content")] HttpRequest request, string tenant, string name, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetContractContent", () => api.GetContractContentAsync(tenant, name, version, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/payloads/{payloadId}</c>.</summary>
    [Function("GetPayload")]
    public Task<IResult> GetPayloadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/payloads/{payloadId}")] HttpRequest request, string tenant, string payloadId, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetPayload", () => api.GetPayloadAsync(tenant, payloadId, cancellationToken), cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/runs/{runId}/drift</c>: runs the drift orchestration and waits for its report.</summary>
    [Function("RunDrift")]
    public Task<IResult> RunDriftAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/runs/{runId}/drift")] HttpRequest request, string tenant, string runId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "RunDrift", () => api.RunDriftAsync(tenant, runId, request, Starter(client), cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/runs/{runId}/drift/{version}</c>.</summary>
    [Function("GetDrift")]
    public Task<IResult> GetDriftAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/runs/{runId}/drift/{version}")] HttpRequest request, string tenant, string runId, string version, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "GetDrift", () => api.GetDriftAsync(tenant, runId, version, cancellationToken), cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/runs/{runId}/reproduce</c>.</summary>
    [Function("ReproduceRun")]
    public Task<IResult> ReproduceRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/runs/{runId}/reproduce")] HttpRequest request, string tenant, string runId, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ReproduceRun", () => api.ReproduceRunAsync(tenant, runId, request, cancellationToken), cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/keys</c>.</summary>
    [Function("CreateKey")]
    public Task<IResult> CreateKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/keys")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "CreateKey", () => api.CreateKeyAsync(tenant, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/keys</c>.</summary>
    [Function("ListKeys")]
    public Task<IResult> ListKeysAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/keys")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "ListKeys", () => api.ListKeysAsync(tenant, cancellationToken), cancellationToken);

    /// <summary><c>DELETE /v1/tenants/{tenant}/keys/{keyId}</c>.</summary>
    [Function("RevokeKey")]
    public Task<IResult> RevokeKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Tenant + "/keys/{keyId}")] HttpRequest request, string tenant, string keyId, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "RevokeKey", () => api.RevokeKeyAsync(tenant, keyId, request, cancellationToken), cancellationToken);

    /// <summary><c>POST /v1/tenants/{tenant}/keys/{keyId}/rotate</c>.</summary>
    [Function("RotateKey")]
    public Task<IResult> RotateKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tenant + "/keys/{keyId}/rotate")] HttpRequest request, string tenant, string keyId, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "RotateKey", () => api.RotateKeyAsync(tenant, keyId, request, cancellationToken), cancellationToken);

    /// <summary><c>GET /v1/tenants/{tenant}/audit</c>.</summary>
    [Function("QueryAudit")]
    public Task<IResult> QueryAuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tenant + "/audit")] HttpRequest request, string tenant, CancellationToken cancellationToken) =>
        authorizer.InvokeAsync(request, tenant, "QueryAudit", () => api.QueryAuditAsync(tenant, request, cancellationToken), cancellationToken);

    private DurableRunStarter Starter(DurableTaskClient client) => new(client, pipeline.Runs);
}
