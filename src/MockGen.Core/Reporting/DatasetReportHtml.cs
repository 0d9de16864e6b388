using System.Globalization;
using System.Net;
using MockGen.Core.Coverage;

namespace MockGen.Core.Reporting;

/// <summary>
/// Writes a <see cref="DatasetReport"/> as HTML: one self-contained file (inline CSS, charts as inline SVG drawn
/// here, no script, nothing fetched), readable on a laptop and printable. The dashboard embeds the same body.
/// </summary>
public static class DatasetReportHtml
{
    /// <summary>The report's stylesheet (also used by the dashboard, so both read alike).</summary>
    public const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:0 auto;max-width:1100px;padding:16px 24px}
        h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
        h3{font-size:15px;margin:16px 0 4px}table{border-collapse:collapse;margin:6px 0 12px;width:100%}
        th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}th{background:#f6f8fa;font-weight:600}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}.num{text-align:right;font-variant-numeric:tabular-nums}
        .ok{color:#1a7f37}.bad{color:#cf222e}.muted{color:#57606a}.kpi{display:inline-block;margin:4px 18px 4px 0}.kpi b{font-size:18px;display:block}
        svg{display:block}nav a{margin-right:12px}a{color:#0969da}
        @media print{body{max-width:none;padding:0}h2{break-after:avoid}section.target{break-inside:auto}nav{display:none}a{color:inherit;text-decoration:none}}
        """;

    private const int MaxListedItems = 200;

    /// <summary>Writes the whole HTML document.</summary>
    public static void Write(DatasetReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.Write("<title>MockGen report: " + E(report.Contract) + "</title><style>" + Css + "</style></head><body>");
        WriteBody(report, output);
        output.Write("</body></html>\n");
    }

    /// <summary>Writes the report's body (headings, tables, charts) without the document around it.</summary>
    public static void WriteBody(DatasetReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var o = output;
        o.Write("<h1>Dataset report: " + E(report.Contract) + "</h1>");
        o.Write("<p class=\"muted\">version <code>" + E(report.ContractVersion) + "</code> · dataset <code>" + E(report.Dataset) + "</code></p>");
        var covered = report.Targets.Sum(t => t.Coverage?.Covered ?? 0);
        var total = report.Targets.Sum(t => t.Coverage?.Total ?? 0);
        var payloads = report.Targets.Sum(t => t.Payloads);
        var valid = report.Targets.Sum(t => t.Valid);
        Kpi(o, "records", N(report.Records));
        Kpi(o, "valid payloads", N(valid) + " / " + N(payloads));
        Kpi(o, "negatives as labelled", N(report.Targets.Sum(t => t.NegativesAsLabelled)) + " / " + N(report.Targets.Sum(t => t.Negatives)));
        Kpi(o, "coverage", total == 0 ? "–" : Pct((double)covered / total) + " (" + N(covered) + "/" + N(total) + ")");
        Kpi(o, "unreadable lines", N(report.UnreadableCount), report.UnreadableCount > 0);
        foreach (var (line, reason) in report.Unreadable)
        {
            o.Write("<p class=\"bad\">line " + N(line) + ": " + E(reason) + "</p>");
        }

        o.Write("<h2>Targets</h2><table><tr><th>target</th><th class=\"num\">records</th><th class=\"num\">valid</th><th class=\"num\">negatives</th><th class=\"num\">errors</th><th>coverage</th></tr>");
        for (var i = 0; i < report.Targets.Count; i++)
        {
            var t = report.Targets[i];
            var records = t.Variants.Sum(v => v.Count);
            o.Write("<tr><td><a href=\"#t" + N(i) + "\">" + E(t.Name) + "</a></td><td class=\"num\">" + N(records) + "</td>");
            o.Write("<td class=\"num" + (t.Valid < t.Payloads ? " bad" : string.Empty) + "\">" + N(t.Valid) + "/" + N(t.Payloads) + "</td>");
            o.Write("<td class=\"num" + (t.NegativesAsLabelled < t.Negatives ? " bad" : string.Empty) + "\">" + N(t.NegativesAsLabelled) + "/" + N(t.Negatives) + "</td>");
            o.Write("<td class=\"num" + (t.Errors.Count > 0 ? " bad" : string.Empty) + "\">" + N(t.Errors.Sum(e => e.Count)) + "</td><td>");
            if (t.Coverage is { } c)
            {
                Meter(o, c.Ratio, Pct(c.Ratio) + " " + N(c.Covered) + "/" + N(c.Total));
            }

            o.Write("</td></tr>");
        }

        o.Write("</table>");
        for (var i = 0; i < report.Targets.Count; i++)
        {
            WriteTarget(o, report.Targets[i], i);
        }
    }

    private static void WriteTarget(TextWriter o, TargetReport t, int index)
    {
        o.Write("<section class=\"target\" id=\"t" + N(index) + "\"><h2>" + E(t.Name) + "</h2><p class=\"muted\"><code>" + E(t.TargetId) + "</code> · ");
        o.Write(string.Join(", ", t.Variants.Select(v => E(v.Variant) + " " + N(v.Count))) + "</p>");
        o.Write("<h3>Gate</h3><table><tr><th>payloads valid</th><th>negatives failing as labelled</th><th>error records</th><th>violated keywords</th></tr><tr>");
        o.Write("<td>" + N(t.Valid) + " / " + N(t.Payloads) + "</td><td>" + N(t.NegativesAsLabelled) + " / " + N(t.Negatives) + "</td><td>");
        o.Write(t.Errors.Count == 0 ? "0" : string.Join(", ", t.Errors.Select(e => E(e.Kind) + " " + N(e.Count))));
        o.Write("</td><td>" + (t.Violations.Count == 0 ? "–" : string.Join(", ", t.Violations.Select(v => E(v.Keyword) + " " + N(v.Count)))) + "</td></tr></table>");
        if (t.Failures.Count > 0)
        {
            o.Write("<table><tr><th class=\"num\">line</th><th>failure</th></tr>");
            foreach (var (line, message) in t.Failures)
            {
                o.Write("<tr><td class=\"num\">" + N(line) + "</td><td class=\"bad\">" + E(message) + "</td></tr>");
            }

            o.Write("</table>");
        }

        if (t.Coverage is { } c)
        {
            o.Write("<h3>Coverage " + Pct(c.Ratio) + " (" + N(c.Covered) + " of " + N(c.Total) + " reachable items)" + (c.Truncated ? " · model truncated at its size bound" : string.Empty) + "</h3>");
            CoverageChart(o, c);
            Items(o, "Not covered", c.Uncovered, withWhy: false);
            Items(o, "Not reachable", c.NotReachable, withWhy: true);
        }
        else
        {
            o.Write("<p class=\"bad\">The target's schema does not compile: no coverage.</p>");
        }

        if (t.Fields.Count > 0)
        {
            o.Write("<h3>Values" + (t.FieldsTruncated ? " (first " + N(DatasetReportBuilder.MaxFields) + " fields)" : string.Empty) + "</h3>");
            o.Write("<table><tr><th>field</th><th class=\"num\">values</th><th class=\"num\">null</th><th>distribution</th></tr>");
            foreach (var f in t.Fields)
            {
                o.Write("<tr><td><code>" + E(f.Path) + "</code></td><td class=\"num\">" + N(f.Count) + "</td><td class=\"num\">" + Pct(f.NullShare) + "</td><td>");
                Distribution(o, f);
                o.Write("</td></tr>");
            }

            o.Write("</table>");
        }

        o.Write("</section>");
    }

    private static void Items(TextWriter o, string title, IReadOnlyList<CoverageItem> items, bool withWhy)
    {
        if (items.Count == 0)
        {
            return;
        }

        o.Write("<h3>" + title + " (" + N(items.Count) + ")</h3><table><tr><th>category</th><th>schema location</th><th>instance path</th><th>item</th>" + (withWhy ? "<th>why</th>" : string.Empty) + "</tr>");
        foreach (var item in items.Take(MaxListedItems))
        {
            o.Write("<tr><td>" + E(CoverageCategoryNames.ToName(item.Category)) + "</td><td><code>" + E(item.SchemaLocation) + "</code></td><td><code>" + E(item.InstancePath) + "</code></td><td>" + E(item.Description) + "</td>");
            o.Write(withWhy ? "<td class=\"muted\">" + E(item.NotReachable ?? string.Empty) + "</td></tr>" : "</tr>");
        }

        if (items.Count > MaxListedItems)
        {
            o.Write("<tr><td colspan=\"5\" class=\"muted\">" + N(items.Count - MaxListedItems) + " more in the JSON report</td></tr>");
        }

        o.Write("</table>");
    }

    // One horizontal bar per category with something to cover.
    private static void CoverageChart(TextWriter o, CoverageSummary c)
    {
        var rows = c.Categories.Where(k => k.Total > 0).ToList();
        const int label = 110, bar = 360, height = 18;
        o.Write(F($"<svg role=\"img\" aria-label=\"coverage per category\" width=\"{label + bar + 120}\" height=\"{rows.Count * height + 4}\" viewBox=\"0 0 {label + bar + 120} {rows.Count * height + 4}\">"));
        for (var i = 0; i < rows.Count; i++)
        {
            var k = rows[i];
            var y = i * height + 2;
            var w = (int)Math.Round(bar * k.Ratio);
            o.Write(F($"<text x=\"0\" y=\"{y + 13}\" font-size=\"12\">{E(CoverageCategoryNames.ToName(k.Category))}</text>"));
            o.Write(F($"<rect x=\"{label}\" y=\"{y + 2}\" width=\"{bar}\" height=\"{height - 5}\" fill=\"#eaeef2\"/>"));
            o.Write(F($"<rect x=\"{label}\" y=\"{y + 2}\" width=\"{w}\" height=\"{height - 5}\" fill=\"{(k.Covered == k.Total ? "#2da44e" : "#bf8700")}\"/>"));
            o.Write(F($"<text x=\"{label + bar + 6}\" y=\"{y + 13}\" font-size=\"12\">{k.Covered}/{k.Total}</text>"));
        }

        o.Write("</svg>");
    }

    private static void Distribution(TextWriter o, FieldDistribution f)
    {
        if (f.Numbers is { } n)
        {
            Bars(o, n.Histogram, "number histogram");
            o.Write("<span class=\"muted\">" + E(D(n.Min)) + " … " + E(D(n.Max)) + "</span> ");
        }

        if (f.Strings is { } s)
        {
            o.Write("<span class=\"muted\">length " + N(s.MinLength) + "–" + N(s.MaxLength) + ", mean " + E(s.MeanLength.ToString("F1", CultureInfo.InvariantCulture)) + ", " + N(s.Distinct) + " distinct</span>");
            if (s.Top.Count > 0 && s.Distinct < s.Count)
            {
                o.Write("<br>top: " + string.Join(", ", s.Top.Select(p => "<code>" + E(Short(p.Value)) + "</code> " + N(p.Count))));
            }
        }

        if (f.ArraySizes.Count > 0)
        {
            Bars(o, [.. f.ArraySizes.Select(p => p.Count)], "array sizes");
            o.Write("<span class=\"muted\">sizes " + string.Join(", ", f.ArraySizes.Select(p => N(p.Size) + "×" + N(p.Count))) + "</span>");
        }
    }

    // A small column chart, bars scaled to the tallest.
    private static void Bars(TextWriter o, IReadOnlyList<long> counts, string label)
    {
        const int width = 160, height = 32;
        var max = Math.Max(1, counts.Count == 0 ? 1 : counts.Max());
        var step = counts.Count == 0 ? width : (double)width / counts.Count;
        o.Write(F($"<svg role=\"img\" aria-label=\"{label}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"));
        for (var i = 0; i < counts.Count; i++)
        {
            var h = Math.Max(counts[i] > 0 ? 1 : 0, (int)Math.Round((height - 2) * (double)counts[i] / max));
            o.Write(F($"<rect x=\"{i * step + 1:F1}\" y=\"{height - h}\" width=\"{Math.Max(1, step - 2):F1}\" height=\"{h}\" fill=\"#0969da\"><title>{counts[i]}</title></rect>"));
        }

        o.Write("</svg>");
    }

    private static void Kpi(TextWriter o, string name, string value, bool bad = false) =>
        o.Write("<span class=\"kpi\"><b" + (bad ? " class=\"bad\"" : string.Empty) + ">" + E(value) + "</b>" + E(name) + "</span>");

    /// <summary>A small inline bar for a ratio, with its text (the dashboard uses it for run coverage).</summary>
    public static void Meter(TextWriter output, double ratio, string text)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = (int)Math.Round(80 * Math.Clamp(ratio, 0, 1));
        output.Write(F($"<svg role=\"img\" aria-label=\"{E(text)}\" width=\"84\" height=\"12\" viewBox=\"0 0 84 12\" style=\"display:inline-block;vertical-align:middle\"><rect x=\"2\" y=\"2\" width=\"80\" height=\"8\" fill=\"#eaeef2\"/><rect x=\"2\" y=\"2\" width=\"{w}\" height=\"8\" fill=\"#2da44e\"/></svg> "));
        output.Write(E(text));
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..37] + "...";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Pct(double ratio) => (ratio * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
