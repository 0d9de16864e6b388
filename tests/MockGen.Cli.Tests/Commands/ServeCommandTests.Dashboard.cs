using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MockGen.Cli.Tests.Browser;

namespace MockGen.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    // A real browser (headless Debian chromium) against a real serve on 127.0.0.1: the dashboard renders the tenant's
    // runs with coverage, the drift alert and the run's report, refuses a wrong key and another tenant's key, and
    // loads nothing from outside. Screenshots are saved as test artifacts.
    [Fact]
    public async Task Serve_Dashboard_RendersRunsCoverageDriftAndReportInABrowser()
    {
        var store = Directory.CreateTempSubdirectory("mockgen-dashboard-").FullName;
        var output = new SynchronizedWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Program.RunAsync(
            ["serve", "--port", "0", "--store", store, "--api-key", "acme=dash-key", "--api-key", "other=other-key", "--poll-interval", "0.2"],
            new CliConsole(output, TextWriter.Synchronized(error), () => Stream.Null),
            stop.Token);
        var baseAddress = await WaitForAddressAsync(output, serve);
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", "dash-key");

        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "samples", "payments-api.yaml"));
        Directory.CreateDirectory(Path.Combine(store, "contracts", "acme"));
        await File.WriteAllTextAsync(Path.Combine(store, "contracts", "acme", "mockgen.profile.json"), """{"countPerTarget":10,"shardSize":50}""");
        (await client.PutAsync("/v1/tenants/acme/contracts/payments-api.yaml", new StringContent(sample))).EnsureSuccessStatusCode();
        var runId = await WaitForSealedRunAsync(client, 1, error);

        // A new version that stored payloads fail (every amount is above 1), then drift against it.
        var broken = sample.Replace("maximum: 1000000", "maximum: 1", StringComparison.Ordinal);
        var v2 = await (await client.PutAsync("/v1/tenants/acme/contracts/payments-api.yaml", new StringContent(broken))).Content.ReadFromJsonAsync<JsonElement>();
        var drift = await client.PostAsJsonAsync($"/v1/tenants/acme/runs/{runId}/drift", new { version = v2.GetProperty("version").GetString() });
        Assert.True(drift.IsSuccessStatusCode, await drift.Content.ReadAsStringAsync());

        // The new version is breaking, so it waits for an approver; approving it (the bootstrap key holds every role) starts its run.
        Assert.Equal("PendingApproval", v2.GetProperty("approval").GetProperty("state").GetString());
        var v2Short = v2.GetProperty("version").GetString()![..19];
        var waiting = await HeadlessChromium.DumpDomAsync(new UriBuilder(baseAddress) { UserName = "acme", Password = "dash-key", Path = "/dashboard/acme" }.Uri);
        Assert.Contains("data-pending=\"payments-api.yaml\"", waiting, StringComparison.Ordinal);
        Assert.Matches(@"data-pending=""payments-api.yaml"">.*?Breaking: [^<]*maximum", waiting);
        Assert.Contains($"data-approval=\"{v2Short}\">PendingApproval</td>", waiting, StringComparison.Ordinal);
        var approve = await client.PostAsync($"/v1/tenants/acme/contracts/payments-api.yaml/versions/{v2.GetProperty("version").GetString()}/approve", null);
        Assert.True(approve.IsSuccessStatusCode, await approve.Content.ReadAsStringAsync());
        await WaitForSealedRunAsync(client, 2, error);

        var signedIn = new UriBuilder(baseAddress) { UserName = "acme", Password = "dash-key" };
        var home = await HeadlessChromium.DumpDomAsync(signedIn.Uri);
        Assert.Contains("<b data-tenant=\"\">acme</b>", home, StringComparison.Ordinal);
        Assert.Contains($"data-run=\"{runId}\"", home, StringComparison.Ordinal);
        Assert.Matches(@"data-coverage=""""><svg[^>]*aria-label=""\d+\.\d% \d+/\d+""", home);
        Assert.Contains("data-table=\"drift\"", home, StringComparison.Ordinal);
        Assert.Contains("data-contract=\"payments-api.yaml\"", home, StringComparison.Ordinal);
        Assert.Contains("data-approvals=\"none\"", home, StringComparison.Ordinal);
        Assert.Contains($"data-approval=\"{v2Short}\">Approved · <strong>active</strong>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", home, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", home, StringComparison.OrdinalIgnoreCase);

        signedIn.Path = $"/dashboard/acme/runs/{runId}";
        var report = await HeadlessChromium.DumpDomAsync(signedIn.Uri);
        Assert.Contains($"data-report=\"{runId}\"", report, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"coverage per category\"", report, StringComparison.Ordinal);
        Assert.Contains("Not covered", report, StringComparison.Ordinal);
        Assert.Contains("createPayment request", report, StringComparison.Ordinal);

        signedIn.Path = "/dashboard/acme";
        await HeadlessChromium.ScreenshotAsync(signedIn.Uri, "dashboard-overview.png", height: 1000);
        signedIn.Path = $"/dashboard/acme/runs/{runId}";
        await HeadlessChromium.ScreenshotAsync(signedIn.Uri, "dashboard-run-report.png", height: 1600);

        // Refusals: no key gets the Basic challenge page; another tenant's key never sees acme.
        using var wrong = new HttpClient { BaseAddress = baseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "nope");
        var wrongPage = await wrong.GetAsync("/dashboard/acme");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrongPage.StatusCode);
        Assert.Contains("Sign in", await wrongPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var other = new UriBuilder(baseAddress) { UserName = "other", Password = "other-key", Path = "/dashboard/acme" };
        var refused = await HeadlessChromium.DumpDomAsync(other.Uri);
        Assert.DoesNotContain(runId, refused, StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        var challenge = await anonymous.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.StartsWith("Basic", challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", challenge.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await serve);
    }

    private static async Task<string> WaitForSealedRunAsync(HttpClient client, int runs, StringWriter error)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs");
            var sealedRuns = list.EnumerateArray().Where(r => r.GetProperty("isSealed").GetBoolean()).ToList();
            if (sealedRuns.Count >= runs)
            {
                return sealedRuns.OrderBy(r => r.GetProperty("startedAt").GetString(), StringComparer.Ordinal).First().GetProperty("spec").GetProperty("runId").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, "no sealed run within 120 s: " + error);
            await Task.Delay(200);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MockGen.Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
