namespace MockGen.Service.Auth;

/// <summary>
/// The role every tenant endpoint requires, in one table both hosts read: serve's <see cref="TenantAccessFilter"/>
/// finds the entry by endpoint name, each Functions HTTP function passes its own name. An endpoint under
/// <c>/v1/tenants/{tenant}</c> without an entry here is refused with 500 (and <c>MapMockGenApi</c> fails at start-up),
/// so a new route cannot be reachable before it declares its role. To add a route: one line here, named as its
/// endpoint. A test walks the real endpoint data source and proves each route refuses a principal without its role
/// (403) and another tenant's principal (404).
/// </summary>
public static class ApiRoutes
{
    /// <summary>Endpoint name of the dashboard's tenant page.</summary>
    public const string DashboardOverview = "DashboardOverview";

    /// <summary>Endpoint name of the dashboard's run report page.</summary>
    public const string DashboardRun = "DashboardRun";

    private static readonly ApiRoute[] Table =
    [
        // Contracts and their versions.
        new("ListContracts", TenantRole.Reader),
        new("ListContractVersions", TenantRole.Reader),
        new("GetContractVersion", TenantRole.Reader),
        new("UploadContract", TenantRole.Publisher, "contract.upload"),
        new("ApproveContractVersion", TenantRole.Approver, "contract.approve"),
        new("RejectContractVersion", TenantRole.Approver, "contract.reject"),
        new("ActivateContractVersion", TenantRole.Approver, "contract.activate"),

        // The tenant profile and its versions.
        new("GetProfile", TenantRole.Reader),
        new("UploadProfile", TenantRole.Publisher, "profile.upload"),
        new("ApproveProfileVersion", TenantRole.Approver, "profile.approve"),
        new("RejectProfileVersion", TenantRole.Approver, "profile.reject"),
        new("ActivateProfileVersion", TenantRole.Approver, "profile.activate"),

        // Prompt templates and their versions (the governed path: a raw blob write is only a proposal).
        new("ListPrompts", TenantRole.Reader),
        new("ListPromptVersions", TenantRole.Reader),
        new("GetPromptVersion", TenantRole.Reader),
        new("UploadPrompt", TenantRole.Publisher, "prompt.upload"),
        new("ApprovePromptVersion", TenantRole.Approver, "prompt.approve"),
        new("RejectPromptVersion", TenantRole.Approver, "prompt.reject"),
        new("ActivatePromptVersion", TenantRole.Approver, "prompt.activate"),

        // Runs, datasets, drift, reproduction.
        new("StartRun", TenantRole.Runner, "run.start"),
        new("ListRuns", TenantRole.Reader),
        new("GetRun", TenantRole.Reader),
        new("StreamPayloads", TenantRole.Reader),
        new("GetPayload", TenantRole.Reader),
        new("RunDrift", TenantRole.Runner, "drift.run"),
        new("GetDrift", TenantRole.Reader),
        new("GetManifest", TenantRole.Reader),
        new("GetShard", TenantRole.Reader),
        new("GetContractContent", TenantRole.Reader),
        new("ReproduceRun", TenantRole.Runner, "run.reproduce"),

        // Keys and audit.
        new("CreateKey", TenantRole.Admin, "key.create"),
        new("ListKeys", TenantRole.Admin),
        new("RevokeKey", TenantRole.Admin, "key.revoke"),
        new("RotateKey", TenantRole.Admin, "key.rotate"),
        new("QueryAudit", TenantRole.Admin),

        // The dashboard's browser pages (serve only; HTTP Basic sign-in: user name = tenant, password = API key).
        new(DashboardOverview, TenantRole.Reader) { ServeOnly = true },
        new(DashboardRun, TenantRole.Reader) { ServeOnly = true },
    ];

    private static readonly Dictionary<string, ApiRoute> ByName = Table.ToDictionary(r => r.EndpointName, StringComparer.Ordinal);

    /// <summary>Every declared route.</summary>
    public static IReadOnlyList<ApiRoute> All => Table;

    /// <summary>The declared routes both hosts serve (every route but serve's own browser pages).</summary>
    public static IReadOnlyList<ApiRoute> Api { get; } = [.. Table.Where(r => !r.ServeOnly)];

    /// <summary>The entry for an endpoint name, or null when none is declared.</summary>
    public static ApiRoute? Find(string? endpointName) => endpointName is not null && ByName.TryGetValue(endpointName, out var route) ? route : null;
}
