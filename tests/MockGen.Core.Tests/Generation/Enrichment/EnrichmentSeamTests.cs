using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Output;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Generation.Enrichment;

/// <summary>Core's side of AI enrichment: planning free fields, drawing from pools, provenance, and nothing else moving.</summary>
public sealed class EnrichmentSeamTests
{
    private static readonly string[] Skus = ["ACCT-10010001", "ACCT-20020002", "ACCT-30030003"];

    private static readonly PayloadAiMeta Ai = new("gpt-4o-mini", "gpt-4o-2024-08-06", "sha256:" + new string('1', 64), "sha256:" + new string('2', 64));

    [Fact]
    public void PlanEnrichment_Orders_ListsOnlyFreeStrings()
    {
        var contract = GenerationFixtures.LoadOrders();

        var plan = new DatasetGenerator(new GenerationOptions { Seed = "1" }).PlanEnrichment(contract, [Root(contract)]).Single();

        var paths = plan.Fields.Select(f => f.Path).ToList();
        Assert.NotEmpty(paths);
        // Formats (id, email, created_at), enums and consts (status, currency, kind) are realism's or the enum's.
        Assert.DoesNotContain(paths, p => p is "/id" or "/customer/email" or "/created_at" or "/status" or "/total/currency" or "/payment/kind");
        Assert.DoesNotContain("/lines/*/sku", paths); // realism knows a sku
        Assert.Contains("/payment/account", paths); // only in the oneOf's bank branch: the probes reach it
        var account = plan.Fields.Single(f => f.Path == "/payment/account");
        Assert.Equal(("account", 8, (int?)20), (account.PropertyName, account.MinLength, account.MaxLength));
        Assert.Contains("kind", account.Siblings);
        Assert.Equal("Order", plan.Title);
        Assert.Equal(paths, new DatasetGenerator(new GenerationOptions { Seed = "1" }).PlanEnrichment(contract, [Root(contract)]).Single().Fields.Select(f => f.Path));
    }

    [Fact]
    public void Generate_WithPools_DrawsFromThePoolStampsMetaAndStaysValid()
    {
        var contract = GenerationFixtures.LoadOrders();
        var pools = Pools(contract, new() { ["/payment/account"] = ["ACCT-10010001", "ACCT-20020002", "ACCT-30030003"] });

        var records = Records(Run(contract, new GenerationOptions { Seed = "1", Count = 30, Enrichment = pools }));

        var accounts = records.Select(r => r.GetProperty("payload").GetProperty("payment")).Where(p => p.TryGetProperty("account", out _)).Select(p => p.GetProperty("account").GetString()).ToList();
        Assert.NotEmpty(accounts);
        Assert.All(accounts, s => Assert.Contains(s, Skus));
        Assert.True(accounts.Distinct().Count() > 1);
        var meta = records[0].GetProperty("meta").GetProperty("ai");
        Assert.Equal("""{"deployment":"gpt-4o-mini","model":"gpt-4o-2024-08-06","promptVersion":"sha256:1111111111111111111111111111111111111111111111111111111111111111","cassetteKey":"sha256:2222222222222222222222222222222222222222222222222222222222222222"}""", meta.GetRawText());
        AssertValid(contract, records);
    }

    [Fact]
    public void Generate_PoolsOnlyChangeThePooledFields()
    {
        var contract = GenerationFixtures.LoadOrders();
        var options = new GenerationOptions { Seed = "5", Count = 20 };
        var plain = Records(Run(contract, options));
        options.Enrichment = Pools(contract, new() { ["/payment/account"] = ["ACCT-10010001", "ACCT-20020002"] });

        var enriched = Records(Run(contract, options));

        for (var i = 0; i < plain.Count; i++)
        {
            var a = plain[i].GetProperty("payload");
            var b = enriched[i].GetProperty("payload");
            Assert.Equal(a.GetProperty("total").GetRawText(), b.GetProperty("total").GetRawText());
            Assert.Equal(a.GetProperty("customer").GetRawText(), b.GetProperty("customer").GetRawText());
            Assert.Equal(a.GetProperty("lines").GetRawText(), b.GetProperty("lines").GetRawText());
            Assert.Equal(a.GetProperty("payment").GetProperty("kind").GetString(), b.GetProperty("payment").GetProperty("kind").GetString());
        }
    }

    [Fact]
    public void Generate_PoolForAnotherTargetOrEmpty_IsByteIdenticalToNoEnrichment()
    {
        var contract = GenerationFixtures.LoadOrders();
        var options = new GenerationOptions { Seed = "2", Count = 15 };
        var plain = Run(contract, options);
        options.Enrichment = new EnrichmentPools([new TargetEnrichment("#/elsewhere", Ai, [new("/payment/account", ["ACCT-10010001"])]), new TargetEnrichment(Root(contract).Id, Ai, [])]);

        Assert.Equal(plain, Run(contract, options));
    }

    [Fact]
    public void Generate_PoolValuesThatDoNotFit_FallBackDeterministically()
    {
        var contract = GenerationFixtures.LoadOrders();
        var pools = Pools(contract, new() { ["/payment/account"] = ["this value is far too long for an account"] });

        var first = Run(contract, new GenerationOptions { Seed = "1", Count = 10, Enrichment = pools });
        var records = Records(first);

        Assert.DoesNotContain("far too long", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        Assert.Equal(first, Run(contract, new GenerationOptions { Seed = "1", Count = 10, Enrichment = pools }));
        AssertValid(contract, records);
    }

    [Fact]
    public void Generate_WithPools_ParallelEqualsSequential()
    {
        var contract = GenerationFixtures.LoadOrders();
        var pools = Pools(contract, new() { ["/payment/account"] = ["ACCT-10010001", "ACCT-20020002", "ACCT-30030003"] });
        var options = new GenerationOptions { Seed = "9", Count = 200, Variants = GenerationVariantNames.All, Enrichment = pools };
        var sequential = Run(contract, options);
        options.Parallelism = 3;

        Assert.Equal(sequential, Run(contract, options));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("/lines/0/sku", "/lines/*/sku")]
    [InlineData("/a/12/b/3", "/a/*/b/*")]
    [InlineData("/v2x/1a", "/v2x/1a")]
    public void FieldPath_FromPointer_StarsArrayIndices(string pointer, string expected) => Assert.Equal(expected, FieldPath.FromPointer(pointer));

    private static ContractTarget Root(Contract contract) => contract.Targets.First(t => t.JsonPointer.Length == 0);

    private static EnrichmentPools Pools(Contract contract, Dictionary<string, IReadOnlyList<string>> pools) =>
        new([new TargetEnrichment(Root(contract).Id, Ai, pools)]);

    private static byte[] Run(Contract contract, GenerationOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(options).Generate(contract, [Root(contract)], writer);
            writer.Complete();
        }

        return stream.ToArray();
    }

    private static List<JsonElement> Records(byte[] ndjson) =>
        [.. Encoding.UTF8.GetString(ndjson).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static void AssertValid(Contract contract, List<JsonElement> records)
    {
        var target = Root(contract);
        foreach (var record in records)
        {
            var result = contract.Schemas.Validate(target.SchemaUri, record.GetProperty("payload"), new ValidationOptions { Direction = target.Direction });
            Assert.True(result.IsValid, result.ToString());
        }
    }
}
