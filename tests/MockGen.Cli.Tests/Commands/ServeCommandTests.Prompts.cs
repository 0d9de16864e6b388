using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MockGen.Cli.Commands;
using MockGen.Core.Tests.Contracts;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    private const string PromptV1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";
    private const string PromptV2 = "You write payments for {{currency}}.\n---\nScenario {{scenario}} for {{target}}.";
    private const string PromptRaw = "You write refunds.\n---\nScenario {{scenario}} for {{target}}.";

    /// <summary>
    /// Issue 10: prompt templates through a real <c>mockgen serve</c> (Kestrel on 127.0.0.1, local folder store): a
    /// published change waits, a text written straight into the store is never used, and a run (<c>generate --prompt</c>
    /// against the Azure OpenAI fake) uses exactly the version that is approved or activated.
    /// </summary>
    [Fact]
    public async Task Serve_PromptPublishedThroughTheApi_IsUsedByARunOnlyOnceApproved_ARawBlobWriteNever()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var output = new SynchronizedWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Program.RunAsync(
            ["serve", "--port", "0", "--store", store, "--api-key", "acme=prompt-admin-key", "--no-watch"],
            new CliConsole(output, TextWriter.Synchronized(error), () => Stream.Null),
            stop.Token);
        using var client = new HttpClient { BaseAddress = await WaitForAddressAsync(output, serve) };
        client.DefaultRequestHeaders.Add("X-Api-Key", "prompt-admin-key");
        await using var fake = await FakeAzureOpenAIServer.StartAsync();

        var v1 = await PublishPromptAsync(client, PromptV1, HttpStatusCode.OK);
        var v2 = await PublishPromptAsync(client, PromptV2, HttpStatusCode.Accepted);
        await File.WriteAllTextAsync(Path.Combine(store, "prompts", "acme", "scenarios"), PromptRaw);

        // Pending and hand-written versions are stored, but a run still uses v1.
        Assert.Equal(v1, await GeneratePromptVersionAsync(folder, store, fake));
        var listed = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/prompts/scenarios");
        Assert.Equal(v1, listed.GetProperty("active").GetString());
        var raw = listed.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("approval").GetProperty("publishedBy").GetString() == "blob-upload");
        Assert.Equal("PendingApproval", raw.GetProperty("approval").GetProperty("state").GetString());

        // The dashboard shows an approver both waiting versions.
        var dashboard = await DashboardAsync(client);
        Assert.Equal(2, dashboard.Split("data-pending-prompt=\"scenarios\"").Length - 1);
        Assert.Contains("<code>" + v2[..19] + "</code>", dashboard, StringComparison.Ordinal);

        // Approved, v2 is what the next run uses; the hand-written text, rejected, never is.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/v1/tenants/acme/prompts/scenarios/versions/{v2}/approve", new { reason = "reviewed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/tenants/acme/prompts/scenarios/versions/{raw.GetProperty("version").GetString()}/reject", null)).StatusCode);
        Assert.Equal(v2, await GeneratePromptVersionAsync(folder, store, fake));
        Assert.Contains("data-prompt-approvals=\"none\"", await DashboardAsync(client), StringComparison.Ordinal);

        // Rolled back to v1 through the API: runs use v1 again; the CLI lists the same state from the store.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/v1/tenants/acme/prompts/scenarios/active", new { version = v1 })).StatusCode);
        Assert.Equal(v1, await GeneratePromptVersionAsync(folder, store, fake));
        var cliList = await CliRun.RunAsync(["prompts", "list", "--tenant", "acme", "--store", store]);
        Assert.True(cliList.ExitCode == 0, cliList.ToString());
        Assert.Contains($"scenarios@{v1}", cliList.Out.Split('\n').Single(l => l.Contains(" active ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("3 version(s) of 1 prompt(s) for tenant acme", cliList.Error, StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await serve);
    }

    private static async Task<string> DashboardAsync(HttpClient api)
    {
        using var browser = new HttpClient { BaseAddress = api.BaseAddress };
        browser.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("acme:prompt-admin-key")));
        return await browser.GetStringAsync("/dashboard/acme");
    }

    private static async Task<string> PublishPromptAsync(HttpClient client, string text, HttpStatusCode expected)
    {
        var response = await client.PutAsync("/v1/tenants/acme/prompts/scenarios", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.True(response.StatusCode == expected, response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
    }

    // One scenarios run recorded against the fake with --prompt scenarios; returns the prompt version its payloads name.
    private static async Task<string> GeneratePromptVersionAsync(TempFolder folder, string store, FakeAzureOpenAIServer fake)
    {
        var dataset = Path.Combine(folder.Path, Guid.NewGuid().ToString("N") + ".ndjson");
        var request = new GenerateRequest
        {
            ContractPath = Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"),
            Targets = ["#/components/schemas/Payment"],
            Count = 1,
            Tenant = "acme",
            Output = dataset,
            Ai = new AiRequest
            {
                Kind = "scenarios", Mode = "record", Endpoint = fake.Endpoint.ToString(), ApiKey = fake.ApiKey, Deployment = "gpt-4o-mini",
                Store = store, StoreGiven = true, Prompt = "scenarios", ScenarioMatrix = "currency=EUR",
            },
        };
        var error = new StringWriter();
        var exit = await GenerateCommand.RunAsync(request, new CliConsole(new StringWriter(), error, () => Stream.Null), CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
        var versions = File.ReadAllLines(dataset).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta").GetProperty("ai").GetProperty("promptVersion").GetString()!).Distinct().ToList();
        var version = Assert.Single(versions);
        Assert.Contains("prompt scenarios " + version[..19], error.ToString(), StringComparison.Ordinal);
        return version;
    }
}
