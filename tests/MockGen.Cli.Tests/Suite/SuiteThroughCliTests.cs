using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Tests.Suite;

namespace MockGen.Cli.Tests.Suite;

/// <summary>
/// Issue 12: the whole required JSON Schema Test Suite of a draft through the user's path,
/// <c>mockgen validate &lt;folder&gt; &lt;dataset&gt; --map http://localhost:1234/=&lt;remotes&gt;</c>: every group's schema
/// is a contract file, every test a dataset record. One process per draft, and the verdicts must be the suite's,
/// as the in-process suite's are; a custom <c>$schema</c> (vocabulary.json) is resolved through <c>--map</c> alike.
/// </summary>
public sealed class SuiteThroughCliTests
{
    [Theory]
    [InlineData("draft2019-09")]
    [InlineData("draft2020-12")]
    public async Task Validate_WholeRequiredSuiteAsContractFolder_VerdictsMatchTheSuite(string draft)
    {
        using var folder = new TempDirectory();
        var contracts = Path.Combine(folder.Path, "contracts");
        var cases = new List<SuiteCase>();
        var dataset = new StringBuilder();
        foreach (var file in SuiteLoader.FileNames(draft, optional: false))
        {
            foreach (var group in SuiteLoader.Load(draft, file).GroupBy(c => c.GroupIndex))
            {
                var name = $"{Path.GetFileNameWithoutExtension(file)}/{group.Key.ToString(CultureInfo.InvariantCulture)}.json";
                var path = Path.Combine(contracts, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, group.First().Schema.GetRawText());
                foreach (var c in group)
                {
                    cases.Add(c);
                    dataset.Append("{\"meta\":{\"contract\":").Append(JsonSerializer.Serialize(name)).Append(",\"target\":\"#\"},\"payload\":")
                        .Append(JsonSerializer.Serialize(c.Data)).Append("}\n");
                }
            }
        }

        Assert.True(cases.Count > 1000, $"{draft}: only {cases.Count} suite cases found");
        var datasetPath = Path.Combine(folder.Path, "suite.ndjson");
        await File.WriteAllTextAsync(datasetPath, dataset.ToString());

        // 2019-09 and 2020-12 make format an annotation by default: the required tests run without assertion.
        var run = await CliRun.RunAsync(["validate", contracts, datasetPath, "--formats", "annotate", "--map", "http://localhost:1234/=" + SuiteLocator.RemotesFolder + Path.DirectorySeparatorChar]);

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var verdicts = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => r.GetProperty("line").GetInt64(), r => r.GetProperty("valid").GetBoolean());
        Assert.Equal(cases.Count, verdicts.Count);
        var misses = cases.Select((c, i) => (Case: c, Got: verdicts[i + 1]))
            .Where(x => x.Got != x.Case.Valid)
            .Select(x => $"{x.Case.Id} ({x.Case.Group} / {x.Case.Test}): expected {(x.Case.Valid ? "valid" : "invalid")}")
            .ToList();
        Assert.True(misses.Count == 0, $"{misses.Count} of {cases.Count} verdicts differ from the suite:\n" + string.Join('\n', misses));
        Assert.Contains(cases, c => c.File == "vocabulary.json");
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mockgen-suite-cli-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
