using System.Collections.Concurrent;
using System.Text;
using MockGen.Core.Contracts;
using MockGen.Core.Reporting;
using MockGen.Storage;
using MockGen.Storage.Runs;

namespace MockGen.Service.Dashboard;

/// <summary>
/// The <see cref="DatasetReport"/> of a sealed run (coverage, distributions, gate statistics), built from the run's
/// stored contract version and dataset exactly as <c>mockgen report</c> builds it. A sealed run never changes, so
/// each report is built once and kept (a bounded number of them). Thread-safe.
/// </summary>
public sealed class RunReports
{
    private const int Kept = 64;

    private readonly MockGenPipeline _pipeline;
    private readonly ConcurrentDictionary<(string Tenant, string RunId), DatasetReport> _reports = new();

    /// <summary>Creates the report source over <paramref name="pipeline"/>'s store.</summary>
    public RunReports(MockGenPipeline pipeline) => _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    /// <summary>Whether the report of a run is already built (the dashboard lists coverage without building many at once).</summary>
    public DatasetReport? Cached(string tenant, string runId) => _reports.GetValueOrDefault((tenant, runId));

    /// <summary>The report of a sealed run; null when the run is not sealed or its contract cannot be read.</summary>
    public async Task<DatasetReport?> GetAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var key = (run.Spec.Tenant, run.Spec.RunId);
        if (_reports.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!run.IsSealed)
        {
            return null;
        }

        var spec = run.Spec;
        Contract contract;
        try
        {
            var content = await _pipeline.Registry.ReadContentAsync(spec.Tenant, spec.ContractName, spec.ContractVersion, cancellationToken).ConfigureAwait(false);
            contract = new ContractLoader().Load(spec.ContractName, content, cancellationToken);
        }
        catch (Exception e) when (e is ContractException or MockGenStorageException)
        {
            return null;
        }

        var builder = new DatasetReportBuilder(contract, spec.RunId);

        // The dataset goes through a temporary file, so a large run is read line by line, never held in memory.
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await using (temp.ConfigureAwait(false))
        {
            await _pipeline.Reader.CopyAsync(spec.Tenant, spec.RunId, new DatasetFilter(), temp, cancellationToken).ConfigureAwait(false);
            temp.Position = 0;
            using var reader = new StreamReader(temp, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
            long line = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                line++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    builder.AddLine(line, Encoding.UTF8.GetBytes(text));
                }
            }
        }

        var report = builder.Build();
        if (_reports.Count >= Kept)
        {
            _reports.Clear();
        }

        _reports[key] = report;
        return report;
    }
}
