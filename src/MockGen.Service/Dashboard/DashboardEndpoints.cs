using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MockGen.Service.Auth;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Governance;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Service.Dashboard;

/// <summary>
/// The dashboard routes: <c>/</c> (signs in and goes to the tenant's page), <c>/dashboard/{tenant}</c> and
/// <c>/dashboard/{tenant}/runs/{runId}</c>. Every page is behind <see cref="TenantAuthorizer"/>, as the API is: a
/// browser signs in with HTTP Basic (user name = tenant, password = API key), scripts may send <c>X-Api-Key</c>.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Endpoint name of the tenant page (its role is declared with the API's routes).</summary>
    public const string OverviewEndpoint = ApiRoutes.DashboardOverview;

    /// <summary>Endpoint name of a run's report page.</summary>
    public const string RunEndpoint = ApiRoutes.DashboardRun;

    // Runs whose report the overview builds on the fly to show coverage; older ones show a link.
    private const int ReportsOnOverview = 10;

    private const string Challenge = "Basic realm=\"MockGen dashboard: user name = tenant, password = API key\", charset=\"UTF-8\"";

    /// <summary>Maps the dashboard; needs <see cref="TenantAuthorizer"/>, <see cref="MockGenPipeline"/> and <see cref="RunReports"/> in services.</summary>
    public static IEndpointRouteBuilder MapMockGenDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", (HttpContext context) =>
        {
            var tenant = BasicUser(context.Request);
            return tenant is null
                ? Page(context, StatusCodes.Status401Unauthorized, DashboardPage.SignIn("Sign in to see your tenant's contracts, runs, coverage and drift."))
                : Results.Redirect("/dashboard/" + Uri.EscapeDataString(tenant));
        }).WithName("DashboardHome").ExcludeFromDescription();
        app.MapGet("/dashboard/{tenant}", OverviewAsync).WithName(OverviewEndpoint).ExcludeFromDescription();
        app.MapGet("/dashboard/{tenant}/runs/{runId}", RunAsync).WithName(RunEndpoint).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> OverviewAsync(string tenant, HttpContext context, TenantAuthorizer authorizer, MockGenPipeline pipeline, RunReports reports, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, authorizer, tenant, OverviewEndpoint, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var versions = new List<ContractVersion>();
        await foreach (var v in pipeline.Registry.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(v);
        }

        var runs = new List<RunRecord>();
        await foreach (var run in pipeline.Runs.ListAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            runs.Add(run);
        }

        runs.Sort((a, b) => string.CompareOrdinal(b.StartedAt, a.StartedAt) is var c && c != 0 ? c : string.CompareOrdinal(a.Spec.RunId, b.Spec.RunId));
        foreach (var run in runs.Where(r => r.IsSealed).Take(ReportsOnOverview))
        {
            await reports.GetAsync(run, cancellationToken).ConfigureAwait(false);
        }

        var drift = await DriftReportsAsync(pipeline, tenant, cancellationToken).ConfigureAwait(false);
        var approvals = await ContractApprovals.ReadAsync(pipeline.Governance, tenant, versions.Select(v => v.Name), cancellationToken).ConfigureAwait(false);
        var pendingPrompts = await PendingPromptsAsync(pipeline, tenant, cancellationToken).ConfigureAwait(false);
        return Page(context, StatusCodes.Status200OK, DashboardPage.Overview(tenant, versions, approvals, pendingPrompts, runs, drift, r => reports.Cached(tenant, r.Spec.RunId)));
    }

    // The prompt versions waiting for an approver, as the API lists them (a text written by hand into the store is taken in first).
    private static async Task<IReadOnlyList<VersionDecision>> PendingPromptsAsync(MockGenPipeline pipeline, string tenant, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var version in pipeline.Prompts.ListAsync(tenant, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(version.Name);
        }

        var pending = new List<VersionDecision>();
        foreach (var name in names)
        {
            await foreach (var decision in pipeline.Governance.ListAsync(tenant, VersionKind.Prompt, name, cancellationToken).ConfigureAwait(false))
            {
                if (decision.State == ApprovalState.PendingApproval)
                {
                    pending.Add(decision);
                }
            }
        }

        return pending;
    }

    private static async Task<IResult> RunAsync(string tenant, string runId, HttpContext context, TenantAuthorizer authorizer, MockGenPipeline pipeline, RunReports reports, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, authorizer, tenant, RunEndpoint, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var run = Identifiers.IsRunId(runId) ? await pipeline.Runs.GetAsync(tenant, runId, cancellationToken).ConfigureAwait(false) : null;
        if (run is null)
        {
            return Page(context, StatusCodes.Status404NotFound, DashboardPage.Problem(404, "run '" + runId + "' was not found"));
        }

        var report = await reports.GetAsync(run, cancellationToken).ConfigureAwait(false);
        return Page(context, StatusCodes.Status200OK, DashboardPage.Run(tenant, run, report));
    }

    // The API's own gate and role table (reader), refusals audited as the API's are. A missing or wrong credential gets
    // the Basic challenge, so a browser asks for one.
    private static async Task<IResult?> RefuseAsync(HttpContext context, TenantAuthorizer authorizer, string tenant, string endpointName, CancellationToken cancellationToken)
    {
        var refusal = await authorizer.AuthorizeAsync(context.Request, tenant, endpointName, cancellationToken).ConfigureAwait(false);
        if (refusal is null)
        {
            return null;
        }

        var status = refusal is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status401Unauthorized;
        return status == StatusCodes.Status401Unauthorized
            ? Page(context, status, DashboardPage.SignIn("The API key is missing or not valid for this tenant."))
            : Page(context, status, DashboardPage.Problem(status, status == StatusCodes.Status404NotFound ? "tenant '" + tenant + "' was not found" : "this credential lacks the 'reader' role on tenant '" + tenant + "'"));
    }

    private static async Task<List<DriftReport>> DriftReportsAsync(MockGenPipeline pipeline, string tenant, CancellationToken cancellationToken)
    {
        var reports = new List<DriftReport>();
        await foreach (var entry in pipeline.Store.Blobs.ListAsync("reports/" + tenant + "/", cancellationToken).ConfigureAwait(false))
        {
            if (!Path.GetFileName(entry.Path).StartsWith("drift-", StringComparison.Ordinal)
                || await pipeline.Store.Blobs.OpenReadAsync(entry.Path, cancellationToken).ConfigureAwait(false) is not { } stream)
            {
                continue;
            }

            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    if (await JsonSerializer.DeserializeAsync<DriftReport>(stream, MessageJson.Options, cancellationToken).ConfigureAwait(false) is { } report)
                    {
                        reports.Add(report);
                    }
                }
                catch (JsonException)
                {
                    // A damaged report is not an alert; the API's drift route reports it.
                }
            }
        }

        return reports;
    }

    private static IResult Page(HttpContext context, int status, string html)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Content-Type-Options"] = "nosniff";

        // Nothing on these pages may load from anywhere, run script or be framed.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
        if (status == StatusCodes.Status401Unauthorized)
        {
            headers.WWWAuthenticate = Challenge;
        }

        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    // The tenant named by an HTTP Basic credential's user name, or null.
    private static string? BasicUser(HttpRequest request) =>
        TenantAuthorizer.BasicCredential(request) is { } basic && Identifiers.IsTenant(basic.User) ? basic.User : null;
}
