using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MockGen.Functions.Tests.Support;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Http;

/// <summary>Prompt templates through the Functions app's HTTP functions (issue 10): the same handlers and answers as serve.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PromptFunctionsTests(AzuriteFixture azurite)
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V2 = "You write payments for {{currency}}.\n---\nScenario {{scenario}} for {{target}}.";

    [Fact]
    public async Task Prompts_PublishPendingApproveRollback_ThroughTheFunctions_AndAudited()
    {
        var tenant = TestStores.Unique("fnprompt");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = tenant + "-key" });
        using var client = app.Client(tenant + "-key");
        var prompts = $"/v1/tenants/{tenant}/prompts";

        var first = await client.PutAsync(prompts + "/scenarios", new StringContent(V1, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var v1 = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        var second = await client.PutAsync(prompts + "/scenarios", new StringContent(V2, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var v2 = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        Assert.Equal(V1, (await app.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(V2, await client.GetStringAsync($"{prompts}/scenarios/versions/{v2}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync(prompts + "/scenarios", new StringContent("no separator", Encoding.UTF8, "text/plain"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{prompts}/scenarios/versions/{v2}/approve", new { reason = "reviewed" })).StatusCode);
        Assert.Equal(V2, (await app.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{prompts}/scenarios/versions/{v2}/reject", null)).StatusCode);
        var rollback = await client.PostAsJsonAsync($"{prompts}/scenarios/active", new { version = v1 });
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(v2, (await rollback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("previous").GetString());
        var listed = await client.GetFromJsonAsync<JsonElement>(prompts);
        Assert.Equal(v1, listed[0].GetProperty("active").GetString());

        var audit = (await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/audit")).EnumerateArray()
            .Select(e => e.GetProperty("action").GetString() + " " + e.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["prompt.upload ok", "prompt.upload pending-approval", "prompt.upload failed:400", "prompt.approve ok", "prompt.reject failed:409", "prompt.activate ok"],
            audit.Where(a => a.StartsWith("prompt.", StringComparison.Ordinal)));
        Assert.True((await app.Pipeline.Audit.VerifyAsync(tenant)).IsIntact);
    }
}
