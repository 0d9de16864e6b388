namespace MockGen.Cli.Tests.Commands;

/// <summary>
/// Issue 12, "found when tried as a new user would": a mistyped store option of <c>mockgen serve</c> is an
/// <c>error:</c> line naming the option and the rule, exit 2, never an unhandled exception with a stack trace.
/// </summary>
public sealed class ServeStoreOptionTests
{
    private const string GoodKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TheoryData<string[], string> BadStoreOptions() => new()
    {
        // The reported case: one character of the account key mistyped ('*' is not base64).
        { ["--azure-connection-string", $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={GoodKey[..10]}*{GoodKey[11..]};EndpointSuffix=core.windows.net"], "--azure-connection-string: AccountKey is not valid base64" },
        // A key cut short when pasted (length not a multiple of 4).
        { ["--azure-connection-string", $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={GoodKey[..50]};EndpointSuffix=core.windows.net"], "--azure-connection-string: AccountKey is not valid base64" },
        { ["--azure-connection-string", "AccountName=acct;AccountKey="], "--azure-connection-string: AccountKey is not valid base64" },
        { ["--azure-connection-string", "not a connection string"], "--azure-connection-string: segment 1 has no '='" },
        { ["--azure-connection-string", $"AccountName=devstoreaccount1;AccountKey={GoodKey};BlobEndpoint=127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1"], "--azure-connection-string: BlobEndpoint is not an absolute http(s) URI" },
        // Well-formed segments the SDK still refuses (no account name): translated, not thrown.
        { ["--azure-connection-string", "DefaultEndpointsProtocol=https;EndpointSuffix=core.windows.net"], "--azure-connection-string: not a usable Azure Storage connection" },
        // A valid URI parses (System.CommandLine has no Uri converter: this used to crash for every value).
        { ["--azure-blob-uri", "https://acct.blob.core.windows.net"], "--azure-blob-uri and --azure-table-uri go together" },
        { ["--azure-blob-uri", "acct.blob.core.windows.net", "--azure-table-uri", "https://acct.table.core.windows.net"], "--azure-blob-uri acct.blob.core.windows.net: expected an absolute https:// URI" },
        { ["--azure-blob-uri", "https://acct.blob.core.windows.net", "--azure-table-uri", "http://acct.table.core.windows.net"], "--azure-table-uri http://acct.table.core.windows.net: must be https" },
    };

    [Theory]
    [MemberData(nameof(BadStoreOptions))]
    public async Task Serve_MalformedStoreOption_IsBadInputNamingTheOption(string[] storeOptions, string expected)
    {
        var run = await CliRun.RunAsync(["serve", "--port", "0", "--no-watch", .. storeOptions]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: " + expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodKey[20..40], run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
