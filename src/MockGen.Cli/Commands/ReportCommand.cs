using System.CommandLine;
using System.Globalization;
using System.Text;
using MockGen.Core.Contracts;
using MockGen.Core.Reporting;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen report &lt;contract&gt; &lt;dataset&gt;</c>: what a dataset exercises of its contract (coverage per category
/// and the uncovered items by JSON Pointer), value distributions, gate statistics and failures, as a summary on
/// stdout, a self-contained HTML file and/or a JSON document. The dataset streams through in bounded memory.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var contract = new Argument<string>("contract") { Description = "The contract file the dataset was generated from." };
        var dataset = new Argument<string>("dataset") { Description = "NDJSON dataset records ({\"meta\": ..., \"payload\": ...}, as mockgen generate writes them); - for standard input." };
        var html = new Option<string?>("--html") { Description = "Write the report as one self-contained HTML file (inline SVG charts, no script, nothing fetched; printable).", HelpName = "file" };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON (- for standard output).", HelpName = "file" };
        var contractOptions = new ContractOptions();
        var command = new Command("report", "Report what a dataset covers of its contract: enum values, oneOf/anyOf branches, discriminator "
            + "mappings, optional properties present and absent, if/then/else both ways, array sizes, number and string bounds, formats "
            + "and (negatives) breakable keywords; value distributions; gate statistics and failures. Exit 0 when every record is "
            + "valid (negatives as labelled), 1 when a record failed or could not be read, 2 for bad input.")
        {
            contract, dataset, html, json,
        };
        contractOptions.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# Coverage of a typical dataset, as a summary table",
            "mockgen generate samples/payments-api.yaml --count 50 --out typical.ndjson",
            "mockgen report samples/payments-api.yaml typical.ndjson",
            "# The coverage variant, reported as HTML (open it in a browser, or print it) and as JSON for scripts",
            "mockgen generate samples/payments-api.yaml --variant coverage | mockgen report samples/payments-api.yaml - --html report.html --json report.json",
            "# The uncovered items of one target, with jq",
            "mockgen report api.yaml data.ndjson --json - | jq '.targets[] | select(.name == \"Payment\") | .coverage.uncovered'");
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(contract)!, parse.GetValue(dataset)!, parse.GetValue(html), parse.GetValue(json), contractOptions.ToLoaderOptions(parse), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string contractPath, string datasetPath, string? htmlPath, string? jsonPath, ContractLoaderOptions loaderOptions, CancellationToken cancellationToken)
    {
        var contract = await new ContractLoader(loaderOptions).LoadAsync(contractPath, cancellationToken).ConfigureAwait(false);
        if (datasetPath != "-" && !File.Exists(datasetPath))
        {
            throw CliException.DatasetNotFound(datasetPath);
        }

        var builder = new DatasetReportBuilder(contract, datasetPath == "-" ? "<stdin>" : Path.GetFileName(datasetPath));
        await using (var stream = datasetPath == "-" ? console.OpenInput() : File.OpenRead(datasetPath))
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            long line = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                line++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    builder.AddLine(line, Encoding.UTF8.GetBytes(text));
                }

                if (console.IsErrorTerminal && line % 10_000 == 0)
                {
                    await console.Error.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"\r{line} lines read")).ConfigureAwait(false);
                }
            }
        }

        var report = builder.Build();
        if (htmlPath is not null)
        {
            await using var file = new StreamWriter(htmlPath, append: false, new UTF8Encoding(false));
            DatasetReportHtml.Write(report, file);
        }

        if (jsonPath == "-")
        {
            await using var stdout = new MemoryStream();
            DatasetReportJson.Write(report, stdout);
            await console.Out.WriteLineAsync(Encoding.UTF8.GetString(stdout.ToArray())).ConfigureAwait(false);
        }
        else if (jsonPath is not null)
        {
            await using var file = File.Create(jsonPath);
            DatasetReportJson.Write(report, file);
        }

        var summary = jsonPath == "-" ? console.Error : console.Out;
        await WriteSummaryAsync(summary, report).ConfigureAwait(false);
        return report.HasFailures ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task WriteSummaryAsync(TextWriter output, DatasetReport report)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"{"target",-48} {"records",8} {"valid",11} {"negatives",11} {"errors",7} {"coverage",18}");
        foreach (var t in report.Targets)
        {
            var c = t.Coverage;
            var coverage = c is null ? "not compiled" : string.Create(CultureInfo.InvariantCulture, $"{c.Ratio * 100,5:F1}% {c.Covered}/{c.Total}");
            var name = t.Name.Length > 48 ? t.Name[..45] + "..." : t.Name;
            s.AppendLine(CultureInfo.InvariantCulture, $"{name,-48} {t.Variants.Sum(v => v.Count),8} {t.Valid + "/" + t.Payloads,11} {t.NegativesAsLabelled + "/" + t.Negatives,11} {t.Errors.Sum(e => e.Count),7} {coverage,18}");
        }

        var covered = report.Targets.Sum(t => t.Coverage?.Covered ?? 0);
        var total = report.Targets.Sum(t => t.Coverage?.Total ?? 0);
        s.AppendLine(CultureInfo.InvariantCulture, $"{report.Records} records, {report.UnreadableCount} unreadable; coverage {covered}/{total} reachable items ({(total == 0 ? 100 : 100.0 * covered / total):F1}%)");
        foreach (var (line, reason) in report.Unreadable.Take(5))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"line {line}: {reason}");
        }

        foreach (var t in report.Targets)
        {
            foreach (var (line, message) in t.Failures.Take(3))
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"line {line}: {t.TargetId}: {message}");
            }
        }

        await output.WriteAsync(s.ToString()).ConfigureAwait(false);
    }
}
