using System.Text.Json;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen generate --realism</c> (issue 10, privacy by default): synthetic unless the run opts in.</summary>
public sealed class GenerateRealismTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    [Fact]
    public async Task Generate_DefaultAndLifelike_DifferInEmailDomainsOnly()
    {
        var synthetic = await CliRun.RunAsync(["generate", Sample, "--target", "#/components/schemas/Customer", "--count", "30"]);
        var lifelike = await CliRun.RunAsync(["generate", Sample, "--target", "#/components/schemas/Customer", "--count", "30", "--realism", "lifelike"]);

        Assert.True(synthetic.ExitCode == 0, synthetic.ToString());
        Assert.True(lifelike.ExitCode == 0, lifelike.ToString());
        Assert.All(Domains(synthetic), d => Assert.Matches(@"^example\.(com|org|net)$|\.(example|test)$", d));
        Assert.Contains(Domains(lifelike), d => !d.StartsWith("example.", StringComparison.Ordinal) && !d.EndsWith(".test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_UnknownRealism_IsBadInputNamingTheOption()
    {
        var run = await CliRun.RunAsync(["generate", Sample, "--realism", "real"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --realism: 'real' is not one of synthetic, lifelike", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    private static List<string> Domains(CliRun run) =>
        [.. run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("payload").GetProperty("email").GetString()!).Select(e => e[(e.LastIndexOf('@') + 1)..])];
}
