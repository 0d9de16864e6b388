using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;

namespace MockGen.Service.Api;

/// <summary>
/// The HTTP API as minimal-API endpoints for <c>mockgen serve</c>: each route only binds its route values and hands
/// the request to <see cref="MockGenApiHandlers"/>, the same code the Azure Functions app calls, so the two hosts
/// cannot drift apart. Every tenant route sits behind <see cref="TenantAccessFilter"/>, which checks the role <see cref="ApiRoutes"/> declares for it.
/// </summary>
public static class MockGenApi
{
    /// <summary>
    /// Registers what the API's results need in any host: problem details, and JSON with enums as names (the
    /// handlers read bodies and write results through these options).
    /// </summary>
    public static IServiceCollection AddMockGenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    /// <summary>Maps the API (and its OpenAPI document) onto an app. Needs <see cref="MockGenApiHandlers"/>, <see cref="IRunStarter"/> and <see cref="TenantAuthorizer"/> in DI.</summary>
    public static IEndpointRouteBuilder MapMockGenApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/openapi/v1.json", MockGenApiHandlers.GetOpenApiDocument).WithName("GetOpenApiDocument");

        var tenant = app.MapGroup("/v1/tenants/{tenant}").AddEndpointFilter<TenantAccessFilter>();

        tenant.MapGet("/contracts", (string tenant, MockGenApiHandlers api, CancellationToken ct) => api.ListContractsAsync(tenant, ct))
            .WithName("ListContracts");
        tenant.MapGet("/contracts/{name}", (string tenant, string name, MockGenApiHandlers api, CancellationToken ct) => api.ListContractVersionsAsync(tenant, name, ct))
            .WithName("ListContractVersions");
        tenant.MapPut("/contracts/{name}", (string tenant, string name, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.UploadContractAsync(tenant, name, request, ct))
            .WithName("UploadContract");
        tenant.MapGet("/contracts/{name}/versions/{version}", (string tenant, string name, string version, MockGenApiHandlers api, CancellationToken ct) => api.GetContractVersionAsync(tenant, name, version, ct))
            .WithName("GetContractVersion");
        tenant.MapPost("/contracts/{name}/versions/{version}/approve", (string tenant, string name, string version, HttpRequest request, MockGenApiHandlers api, IRunStarter starter, CancellationToken ct) => api.ApproveContractVersionAsync(tenant, name, version, request, starter, ct))
            .WithName("ApproveContractVersion");
        tenant.MapPost("/contracts/{name}/versions/{version}/reject", (string tenant, string name, string version, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.RejectContractVersionAsync(tenant, name, version, request, ct))
            .WithName("RejectContractVersion");
        tenant.MapPost("/contracts/{name}/active", (string tenant, string name, HttpRequest request, MockGenApiHandlers api, IRunStarter starter, CancellationToken ct) => api.ActivateContractVersionAsync(tenant, name, request, starter, ct))
            .WithName("ActivateContractVersion");
        tenant.MapGet("/profile", (string tenant, MockGenApiHandlers api, CancellationToken ct) => api.GetProfileAsync(tenant, ct))
            .WithName("GetProfile");
        tenant.MapPut("/profile", (string tenant, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.UploadProfileAsync(tenant, request, ct))
            .WithName("UploadProfile");
        tenant.MapPost("/profile/versions/{version}/approve", (string tenant, string version, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.ApproveProfileVersionAsync(tenant, version, request, ct))
            .WithName("ApproveProfileVersion");
        tenant.MapPost("/profile/versions/{version}/reject", (string tenant, string version, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.RejectProfileVersionAsync(tenant, version, request, ct))
            .WithName("RejectProfileVersion");
        tenant.MapPost("/profile/active", (string tenant, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.ActivateProfileVersionAsync(tenant, request, ct))
            .WithName("ActivateProfileVersion");
        tenant.MapGet("/prompts", (string tenant, MockGenApiHandlers api, CancellationToken ct) => api.ListPromptsAsync(tenant, ct))
            .WithName("ListPrompts");
        tenant.MapGet("/prompts/{name}", (string tenant, string name, MockGenApiHandlers api, CancellationToken ct) => api.ListPromptVersionsAsync(tenant, name, ct))
            .WithName("ListPromptVersions");
        tenant.MapPut("/prompts/{name}", (string tenant, string name, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.UploadPromptAsync(tenant, name, request, ct))
            .WithName("UploadPrompt");
        tenant.MapGet("/prompts/{name}/versions/{version}", (string tenant, string name, string version, MockGenApiHandlers api, CancellationToken ct) => api.GetPromptVersionAsync(tenant, name, version, ct))
            .WithName("GetPromptVersion");
        tenant.MapPost("/prompts/{name}/versions/{version}/approve", (string tenant, string name, string version, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.ApprovePromptVersionAsync(tenant, name, version, request, ct))
            .WithName("ApprovePromptVersion");
        tenant.MapPost("/prompts/{name}/versions/{version}/reject", (string tenant, string name, string version, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.RejectPromptVersionAsync(tenant, name, version, request, ct))
            .WithName("RejectPromptVersion");
        tenant.MapPost("/prompts/{name}/active", (string tenant, string name, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.ActivatePromptVersionAsync(tenant, name, request, ct))
            .WithName("ActivatePromptVersion");
        tenant.MapPost("/runs", (string tenant, HttpRequest request, MockGenApiHandlers api, IRunStarter starter, CancellationToken ct) => api.StartRunAsync(tenant, request, starter, ct))
            .WithName("StartRun");
        tenant.MapGet("/runs", (string tenant, MockGenApiHandlers api, CancellationToken ct) => api.ListRunsAsync(tenant, ct))
            .WithName("ListRuns");
        tenant.MapGet("/runs/{runId}", (string tenant, string runId, MockGenApiHandlers api, IRunStarter starter, CancellationToken ct) => api.GetRunAsync(tenant, runId, starter, ct))
            .WithName("GetRun");
        tenant.MapGet("/runs/{runId}/payloads", (string tenant, string runId, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.StreamPayloadsAsync(tenant, runId, request, ct))
            .WithName("StreamPayloads");
        tenant.MapGet("/runs/{runId}/manifest", (string tenant, string runId, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.GetManifestAsync(tenant, runId, request, ct))
            .WithName("GetManifest");
        tenant.MapGet("/runs/{runId}/shards/{shardKey}", (string tenant, string runId, string shardKey, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.GetShardAsync(tenant, runId, shardKey, request, ct))
            .WithName("GetShard");
        tenant.MapGet("/contracts/{name}/versions/{version}/content", (string tenant, string name, string version, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.GetContractContentAsync(tenant, name, version, request, ct))
            .WithName("GetContractContent");
        tenant.MapGet("/payloads/{payloadId}", (string tenant, string payloadId, MockGenApiHandlers api, CancellationToken ct) => api.GetPayloadAsync(tenant, payloadId, ct))
            .WithName("GetPayload");
        tenant.MapPost("/runs/{runId}/drift", (string tenant, string runId, HttpRequest request, MockGenApiHandlers api, IRunStarter starter, CancellationToken ct) => api.RunDriftAsync(tenant, runId, request, starter, ct))
            .WithName("RunDrift");
        tenant.MapGet("/runs/{runId}/drift/{version}", (string tenant, string runId, string version, MockGenApiHandlers api, CancellationToken ct) => api.GetDriftAsync(tenant, runId, version, ct))
            .WithName("GetDrift");
        tenant.MapPost("/runs/{runId}/reproduce", (string tenant, string runId, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.ReproduceRunAsync(tenant, runId, request, ct))
            .WithName("ReproduceRun");
        tenant.MapPost("/keys", (string tenant, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.CreateKeyAsync(tenant, request, ct))
            .WithName("CreateKey");
        tenant.MapGet("/keys", (string tenant, MockGenApiHandlers api, CancellationToken ct) => api.ListKeysAsync(tenant, ct))
            .WithName("ListKeys");
        tenant.MapDelete("/keys/{keyId}", (string tenant, string keyId, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.RevokeKeyAsync(tenant, keyId, request, ct))
            .WithName("RevokeKey");
        tenant.MapPost("/keys/{keyId}/rotate", (string tenant, string keyId, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.RotateKeyAsync(tenant, keyId, request, ct))
            .WithName("RotateKey");
        tenant.MapGet("/audit", (string tenant, HttpRequest request, MockGenApiHandlers api, CancellationToken ct) => api.QueryAuditAsync(tenant, request, ct))
            .WithName("QueryAudit");

        // Fail at start-up, not at the first request: every tenant endpoint (ours, and any another component maps in
        // this group later) must declare its role in ApiRoutes; TenantAccessFilter refuses undeclared ones anyway.
        ((IEndpointConventionBuilder)tenant).Finally(endpoint =>
        {
            var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
            if (ApiRoutes.Find(name) is null)
            {
                throw new InvalidOperationException($"tenant endpoint '{endpoint.DisplayName}' ({name ?? "unnamed"}) declares no role: add it to {nameof(ApiRoutes)}");
            }
        });
        return app;
    }
}
