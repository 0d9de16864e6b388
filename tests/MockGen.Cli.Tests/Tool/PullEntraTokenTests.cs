using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using MockGen.Cli.Tests.Pull;
using MockGen.Service.Hosting;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// <c>mockgen pull</c> (the installed tool) with an Entra ID access token in MOCKGEN_ACCESS_TOKEN, what the Azure
/// DevOps template passes from its AzureCLI step, against a real server that validates tokens against the OIDC
/// metadata and keys of a test authority on loopback (<see cref="TestIdentityProvider"/>, RSA keys made here).
/// DefaultAzureCredential itself cannot obtain a token on this offline machine; its failure path is tested.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class PullEntraTokenTests(ToolPackageFixture tool) : IAsyncLifetime
{
    private const string RunId = "entra1";
    private static readonly string[] AcmeRole = ["MockGen.Tenant.acme"];

    private readonly string _store = Directory.CreateTempSubdirectory("mockgen-pull-entra-").FullName;
    private TestIdentityProvider _idp = null!;
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        var pipeline = new MockGenPipeline(PipelineStore.LocalFolder(_store), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        _app = MockGenServer.Build(pipeline, new ServeOptions { Port = 0, WatchContracts = false, Entra = _idp.Options() }, logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        _address = MockGenServer.BaseAddress(_app);

        using var client = Client(_idp.Issue(AcmeRole));
        (await client.PutAsync("/v1/tenants/acme/contracts/payments-api.yaml", new ByteArrayContent(await File.ReadAllBytesAsync(ServeFixture.SamplePath)))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "payments-api.yaml", countPerTarget = 2, runId = RunId })).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/runs/{RunId}")).GetProperty("run").GetProperty("isSealed").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "the run did not finish in 2 minutes");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _idp.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }

    [Fact]
    public async Task Pull_AccessTokenInTheEnvironment_IsTheBearerTheServerValidates()
    {
        var sandbox = tool.CreateSandbox("entra");

        var pull = await Pull(sandbox, new() { ["MOCKGEN_ACCESS_TOKEN"] = _idp.Issue(AcmeRole) });

        Assert.True(pull.ExitCode == 0, pull.ToString());
        using var client = Client(_idp.Issue(AcmeRole));
        Assert.Equal(await client.GetByteArrayAsync($"/v1/tenants/acme/runs/{RunId}/payloads"), await File.ReadAllBytesAsync(Path.Combine(sandbox, "ds.ndjson")));
    }

    [Theory]
    [InlineData("another tenant's role", "not found")]
    [InlineData("signed by a key the authority never published", "401")]
    [InlineData("an API key as well (it wins)", "401")]
    public async Task Pull_TokenTheServerRefuses_IsBadInput_AndWritesNothing(string token, string message)
    {
        var sandbox = tool.CreateSandbox("entra-refused");
        var environment = token switch
        {
            "another tenant's role" => new Dictionary<string, string> { ["MOCKGEN_ACCESS_TOKEN"] = _idp.Issue(["MockGen.Tenant.globex"]) },
            "signed by a key the authority never published" => new Dictionary<string, string> { ["MOCKGEN_ACCESS_TOKEN"] = ForeignKeyToken() },
            _ => new Dictionary<string, string> { ["MOCKGEN_ACCESS_TOKEN"] = _idp.Issue(AcmeRole), ["MOCKGEN_API_KEY"] = "not-a-key" },
        };

        var pull = await Pull(sandbox, environment);

        Assert.True(pull.ExitCode == 2, pull.ToString());
        Assert.Contains(message, pull.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sandbox, "ds.ndjson")));
    }

    [Fact]
    public async Task Pull_AnUndefinedPipelineVariableMappedAsTheToken_IsBadInputThatSaysSo()
    {
        var pull = await Pull(tool.CreateSandbox("entra-macro"), new() { ["MOCKGEN_ACCESS_TOKEN"] = "$(MockGenAccessToken)" });

        Assert.True(pull.ExitCode == 2, pull.ToString());
        Assert.Contains("MOCKGEN_ACCESS_TOKEN: holds '$(MockGenAccessToken)', an Azure Pipelines variable that is not defined", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_NoKeyNoToken_FallsBackToDefaultAzureCredential_WhichFindsNoSignInHere()
    {
        // DefaultAzureCredential cannot get a token on this offline machine, so only its failure path is testable here.
        // The chain is narrowed to the environment credential (whose variables ChildProcess clears) so a developer's
        // Azure CLI sign-in or a VM's managed identity cannot change the outcome.
        var pull = await Pull(tool.CreateSandbox("entra-none"), new() { ["AZURE_TOKEN_CREDENTIALS"] = "EnvironmentCredential" });

        Assert.True(pull.ExitCode == 2, pull.ToString());
        Assert.Contains("no credentials: set MOCKGEN_API_KEY to a tenant API key or MOCKGEN_ACCESS_TOKEN to an Entra ID access token, or sign in for DefaultAzureCredential (", pull.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_UnknownAzureTokenCredentialsSelection_IsBadInputWithoutAStackTrace()
    {
        var pull = await Pull(tool.CreateSandbox("entra-selection"), new() { ["AZURE_TOKEN_CREDENTIALS"] = "bogus" });

        Assert.True(pull.ExitCode == 2, pull.ToString());
        Assert.Contains("error: DefaultAzureCredential: Invalid value for environment variable AZURE_TOKEN_CREDENTIALS: bogus", pull.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", pull.Error, StringComparison.Ordinal);
    }

    private Task<CliRun> Pull(string sandbox, Dictionary<string, string> environment) =>
        ChildProcess.RunAsync(tool.Mockgen, ["pull", "--server", _address.ToString(), "--tenant", "acme", "--run", RunId, "--out", Path.Combine(sandbox, "ds.ndjson")], sandbox, environment);

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string ForeignKeyToken()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var signing = new Microsoft.IdentityModel.Tokens.SigningCredentials(new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa) { KeyId = "foreign" }, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256);
        return _idp.Issue(AcmeRole, signing: signing);
    }
}
