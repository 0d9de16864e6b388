using System.Globalization;
using System.Net;
using System.Text;
using MockGen.Core.Reporting;
using MockGen.Storage.Drift;
using MockGen.Storage.Governance;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Service.Dashboard;

/// <summary>
/// The dashboard's HTML, rendered on the server: no script, no external asset (styles inline, charts inline SVG), so
/// it reads the same in a browser, in a screenshot and on paper.
/// </summary>
internal static class DashboardPage
{
    /// <summary>The tenant's overview: contracts and versions, runs with status, throughput and coverage, drift alerts.</summary>
    public static string Overview(string tenant, IReadOnlyList<ContractVersion> versions, ContractApprovals approvals, IReadOnlyList<VersionDecision> pendingPrompts, IReadOnlyList<RunRecord> runs, IReadOnlyList<DriftReport> drift, Func<RunRecord, DatasetReport?> reportOf)
    {
        var o = new StringBuilder();
        Open(o, "MockGen · " + tenant, tenant, null);
        var failing = drift.Where(d => d.Failing > 0).ToList();
        o.Append("<h2 id=\"drift\">Drift alerts (").Append(N(failing.Count)).Append(")</h2>");
        if (failing.Count == 0)
        {
            o.Append("<p class=\"ok\" data-drift=\"none\">No stored payloads fail a newer contract version.</p>");
        }
        else
        {
            o.Append("<table data-table=\"drift\"><tr><th>run</th><th>contract</th><th>from</th><th>against</th><th class=\"num\">failing</th><th>targets</th></tr>");
            foreach (var d in failing)
            {
                o.Append("<tr class=\"bad\"><td><a href=\"").Append(RunLink(tenant, d.RunId)).Append("\">").Append(E(d.RunId)).Append("</a></td><td>").Append(E(d.ContractName))
                    .Append("</td><td><code>").Append(E(Short(d.FromVersion))).Append("</code></td><td><code>").Append(E(Short(d.AgainstVersion))).Append("</code></td><td class=\"num\">")
                    .Append(N(d.Failing)).Append(" / ").Append(N(d.Payloads)).Append("</td><td>")
                    .Append(string.Join(", ", d.Targets.Where(t => t.Failing > 0).Select(t => E(t.TargetId) + " " + N(t.Failing)))).Append("</td></tr>");
            }

            o.Append("</table>");
        }

        o.Append("<h2 id=\"runs\">Runs (").Append(N(runs.Count)).Append(")</h2>");
        if (runs.Count == 0)
        {
            o.Append("<p class=\"muted\">No runs yet: upload a contract to <code>contracts/").Append(E(tenant)).Append("/</code> or POST a run.</p>");
        }
        else
        {
            o.Append("<table data-table=\"runs\"><tr><th>run</th><th>contract</th><th>version</th><th>status</th><th class=\"num\">payloads</th><th class=\"num\">payloads/s</th><th>coverage</th><th>started</th></tr>");
            foreach (var run in runs)
            {
                var status = run.Status.ToString();
                var css = run.Status switch { RunStatus.Completed => "ok", RunStatus.Running => "muted", _ => "bad" };
                o.Append("<tr data-run=\"").Append(E(run.Spec.RunId)).Append("\"><td><a href=\"").Append(RunLink(tenant, run.Spec.RunId)).Append("\">").Append(E(run.Spec.RunId)).Append("</a></td><td>")
                    .Append(E(run.Spec.ContractName)).Append("</td><td><code>").Append(E(Short(run.Spec.ContractVersion))).Append("</code></td><td class=\"").Append(css).Append("\">").Append(E(status))
                    .Append(run.Error is null ? string.Empty : "<br><span class=\"muted\">" + E(run.Error) + "</span>").Append("</td><td class=\"num\">").Append(N(run.Payloads))
                    .Append("</td><td class=\"num\">").Append(Throughput(run)).Append("</td><td data-coverage>");
                if (reportOf(run) is { } report)
                {
                    var covered = report.Targets.Sum(t => t.Coverage?.Covered ?? 0);
                    var total = report.Targets.Sum(t => t.Coverage?.Total ?? 0);
                    var sb = new StringWriter(CultureInfo.InvariantCulture);
                    DatasetReportHtml.Meter(sb, total == 0 ? 1 : (double)covered / total, Pct(total == 0 ? 1 : (double)covered / total) + " " + N(covered) + "/" + N(total));
                    o.Append(sb);
                }
                else
                {
                    o.Append(run.IsSealed ? "<a href=\"" + RunLink(tenant, run.Spec.RunId) + "\">report</a>" : "<span class=\"muted\">when sealed</span>");
                }

                o.Append("</td><td class=\"muted\">").Append(E(run.StartedAt)).Append("</td></tr>");
            }

            o.Append("</table>");
        }

        var pending = approvals.Pending;
        o.Append("<h2 id=\"approvals\">Pending approvals (").Append(N(pending.Count)).Append(")</h2>");
        if (pending.Count == 0)
        {
            o.Append("<p class=\"ok\" data-approvals=\"none\">No contract version waits for an approver.</p>");
        }
        else
        {
            // The diff an approver decides on: the breaking changes against the version that was active at upload.
            o.Append("<table data-table=\"approvals\"><tr><th>contract</th><th>version</th><th>against</th><th>breaking changes</th><th>published by</th><th>published</th></tr>");
            foreach (var d in pending)
            {
                o.Append("<tr data-pending=\"").Append(E(d.Name)).Append("\"><td>").Append(E(d.Name)).Append("</td><td><code>").Append(E(Short(d.Version))).Append("</code></td><td><code>")
                    .Append(d.ComparedTo is null ? "–" : E(Short(d.ComparedTo))).Append("</code></td><td>").Append(Changes(d)).Append("</td><td>").Append(E(d.PublishedBy))
                    .Append("</td><td class=\"muted\">").Append(E(d.PublishedAt)).Append("</td></tr>");
            }

            o.Append("</table><p class=\"muted\">Approve with <code>mockgen versions approve</code> (approver role); the approved version becomes active and its run starts.</p>");
        }

        o.Append("<h2 id=\"prompt-approvals\">Pending prompt versions (").Append(N(pendingPrompts.Count)).Append(")</h2>");
        if (pendingPrompts.Count == 0)
        {
            o.Append("<p class=\"ok\" data-prompt-approvals=\"none\">No prompt template version waits for an approver.</p>");
        }
        else
        {
            o.Append("<table data-table=\"prompt-approvals\"><tr><th>prompt</th><th>version</th><th>against</th><th>published by</th><th>published</th></tr>");
            foreach (var d in pendingPrompts)
            {
                o.Append("<tr data-pending-prompt=\"").Append(E(d.Name)).Append("\"><td>").Append(E(d.Name)).Append("</td><td><code>").Append(E(Short(d.Version))).Append("</code></td><td><code>")
                    .Append(d.ComparedTo is null ? "–" : E(Short(d.ComparedTo))).Append("</code></td><td>").Append(E(d.PublishedBy))
                    .Append("</td><td class=\"muted\">").Append(E(d.PublishedAt)).Append("</td></tr>");
            }

            o.Append("</table><p class=\"muted\">Read a version with <code>GET …/prompts/{name}/versions/{version}</code>; approve it with <code>POST …/approve</code> or <code>mockgen prompts approve</code> (approver role). Runs keep the active version until then.</p>");
        }

        o.Append("<h2 id=\"contracts\">Contracts (").Append(N(versions.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count())).Append(")</h2>");
        if (versions.Count == 0)
        {
            o.Append("<p class=\"muted\">No contracts yet.</p>");
        }

        foreach (var group in versions.GroupBy(v => v.Name, StringComparer.Ordinal))
        {
            o.Append("<h3>").Append(E(group.Key)).Append("</h3><table data-contract=\"").Append(E(group.Key)).Append("\"><tr><th>version</th><th>status</th><th>approval</th><th>changes</th><th class=\"num\">targets</th><th class=\"num\">bytes</th><th>uploaded</th><th>diagnostics</th></tr>");
            foreach (var v in group.OrderByDescending(v => v.UploadedAt, StringComparer.Ordinal))
            {
                var decision = approvals.Decision(group.Key, v.Version);
                o.Append("<tr><td><code>").Append(E(Short(v.Version))).Append("</code></td><td>").Append(E(v.Status.ToString())).Append("</td><td data-approval=\"").Append(E(Short(v.Version))).Append("\">")
                    .Append(decision is null ? "–" : E(decision.State.ToString())).Append(approvals.IsActive(group.Key, v.Version) ? " · <strong>active</strong>" : string.Empty)
                    .Append("</td><td>").Append(decision is null ? "–" : Changes(decision)).Append("</td><td class=\"num\">").Append(N(v.TargetCount))
                    .Append("</td><td class=\"num\">").Append(N(v.Size)).Append("</td><td class=\"muted\">").Append(E(v.UploadedAt)).Append("</td><td>")
                    .Append(v.Diagnostics.Count == 0 ? "–" : string.Join("<br>", v.Diagnostics.Take(3).Select(E))).Append("</td></tr>");
            }

            o.Append("</table>");
        }

        Close(o);
        return o.ToString();
    }

    /// <summary>One run's report.</summary>
    public static string Run(string tenant, RunRecord run, DatasetReport? report)
    {
        var o = new StringBuilder();
        Open(o, "MockGen · " + tenant + " · " + run.Spec.RunId, tenant, run.Spec.RunId);
        o.Append("<p>run <code>").Append(E(run.Spec.RunId)).Append("</code> · ").Append(E(run.Status.ToString())).Append(" · ").Append(N(run.Payloads)).Append(" payloads · ")
            .Append(Throughput(run)).Append(" payloads/s · variants ").Append(E(string.Join(", ", run.Spec.Variants))).Append(" · seed <code>").Append(E(run.Spec.Seed)).Append("</code></p>");
        if (report is null)
        {
            o.Append("<p class=\"muted\" data-report=\"none\">The report is available once the run is sealed.</p>");
        }
        else
        {
            var body = new StringWriter(CultureInfo.InvariantCulture);
            DatasetReportHtml.WriteBody(report, body);
            o.Append("<div data-report=\"").Append(E(run.Spec.RunId)).Append("\">").Append(body).Append("</div>");
        }

        Close(o);
        return o.ToString();
    }

    /// <summary>The page a browser gets without credentials (with the Basic challenge, so it asks for them).</summary>
    public static string SignIn(string message)
    {
        var o = new StringBuilder();
        Open(o, "MockGen · sign in", null, null);
        o.Append("<h2>Sign in</h2><p>").Append(E(message)).Append("</p><p>The dashboard uses the tenant's API keys: user name = tenant, password = API key ")
            .Append("(or send <code>X-Api-Key</code> to <code>/dashboard/&lt;tenant&gt;</code>).</p>");
        Close(o);
        return o.ToString();
    }

    /// <summary>A refusal other than a missing credential (another tenant, a missing run).</summary>
    public static string Problem(int status, string message)
    {
        var o = new StringBuilder();
        Open(o, "MockGen · " + N(status), null, null);
        o.Append("<h2>").Append(N(status)).Append("</h2><p class=\"bad\">").Append(E(message)).Append("</p>");
        Close(o);
        return o.ToString();
    }

    private static void Open(StringBuilder o, string title, string? tenant, string? runId)
    {
        o.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(title)).Append("</title><style>").Append(DatasetReportHtml.Css)
            .Append("header{display:flex;gap:16px;align-items:baseline;border-bottom:2px solid #1b1f24;margin-bottom:8px}header h1{margin:8px 0}</style></head><body><header><h1>MockGen</h1>");
        if (tenant is not null)
        {
            var root = "/dashboard/" + E(Uri.EscapeDataString(tenant));
            o.Append("<nav><span class=\"muted\">tenant</span> <b data-tenant>").Append(E(tenant)).Append("</b> <a href=\"").Append(root).Append("#drift\">drift</a><a href=\"")
                .Append(root).Append("#runs\">runs</a><a href=\"").Append(root).Append("#contracts\">contracts</a>")
                .Append(runId is null ? string.Empty : "<span class=\"muted\">run</span> <code>" + E(runId) + "</code>").Append("</nav>");
        }

        o.Append("</header>");
    }

    private static string RunLink(string tenant, string runId) => "/dashboard/" + E(Uri.EscapeDataString(tenant)) + "/runs/" + E(Uri.EscapeDataString(runId));

    private static void Close(StringBuilder o) => o.Append("</body></html>\n");

    private static string Throughput(RunRecord run)
    {
        if (run.FinishedAt is null
            || !DateTimeOffset.TryParse(run.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
            || !DateTimeOffset.TryParse(run.FinishedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var finished))
        {
            return "–";
        }

        var seconds = (finished - started).TotalSeconds;
        return seconds <= 0 ? "–" : (run.Payloads / seconds).ToString("F0", CultureInfo.InvariantCulture);
    }

    // A decision's change class and, when breaking, its first breaking changes (the diff against the active version).
    private static string Changes(VersionDecision decision) =>
        decision.BreakingChanges.Count == 0
            ? E(decision.Change.ToString())
            : E(decision.Change.ToString()) + ": " + string.Join("<br>", decision.BreakingChanges.Take(5).Select(E)) + (decision.BreakingChanges.Count > 5 ? "<br>…" : string.Empty);

    private static string Short(string version) => version.StartsWith("sha256:", StringComparison.Ordinal) && version.Length > 19 ? version[..19] : version;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double ratio) => (ratio * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
