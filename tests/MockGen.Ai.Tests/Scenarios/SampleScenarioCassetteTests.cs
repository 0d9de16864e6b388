using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Prompts;
using MockGen.Ai.Scenarios;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Testing.FakeAzureOpenAI;
using Microsoft.Extensions.Time.Testing;

namespace MockGen.Ai.Tests.Scenarios;

/// <summary>
/// The scenario cassette committed under <c>samples/ai-scenarios/store</c>, so a newcomer runs the scenarios mode
/// offline (the README's command). It was recorded through the real client and cassette path against the loopback
/// fake, whose answers the script below writes from each scenario's parameters (no Azure OpenAI account is reachable
/// where it was made): MockGen's own realistic payments, set to the scenario's tenant configuration, currency and
/// status. Re-record after changing the prompt, the matrix or the sample:
/// <c>MOCKGEN_WRITE_SAMPLE_CASSETTE=1 dotnet test tests/MockGen.Ai.Tests --filter SampleScenarioCassette</c>.
/// </summary>
public sealed class SampleScenarioCassetteTests
{
    private const string Payment = "#/components/schemas/Payment";
    private const int Count = 2;
    private static readonly DateTimeOffset RecordedAt = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Samples", "ai-scenarios");

    [Fact]
    public async Task SampleScenarioCassette_IsWhatItsScriptRecords()
    {
        using var store = new TempStore();
        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        var contract = await EnrichedGeneration.LoadSampleAsync();
        fake.Responder = request => Answer(contract, request);
        var gateway = AiGateways.Build(CassetteMode.Record, store.Cassettes, null, new() { Endpoint = fake.Endpoint, ApiKey = fake.ApiKey }, clock: new FakeTimeProvider(RecordedAt));

        var (ndjson, run) = await RunAsync(contract, gateway);

        Assert.Equal(8, run.Report.Exchanges.Count);
        Assert.True(run.Report.Exchanges.Count == run.Report.Accepted, string.Join("\n", run.Report.Exchanges.Select(e => e.Verdict + ": " + e.Reason)));
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
        var records = EnrichedGeneration.Records(ndjson).ToList();
        Assert.All(records, r => Assert.Equal("accepted", r.GetProperty("meta").GetProperty("scenario").GetProperty("answer").GetString()));
        Assert.All(records.Where(r => Scenario(r).Contains("CHF", StringComparison.Ordinal)), r => Assert.Equal("CHF", r.GetProperty("payload").GetProperty("amount").GetProperty("currency").GetString()));
        Assert.All(records.Where(r => Scenario(r).EndsWith("refunded", StringComparison.Ordinal)), r => Assert.Equal(1, r.GetProperty("payload").GetProperty("refunds").GetArrayLength()));

        var recorded = Path.Combine(store.Root, CassetteStore.Container, CassetteStore.NoTenant);
        var committed = Path.Combine(RepoRoot(), "samples", "ai-scenarios", "store", CassetteStore.Container, CassetteStore.NoTenant);
        if (Environment.GetEnvironmentVariable("MOCKGEN_WRITE_SAMPLE_CASSETTE") == "1")
        {
            if (Directory.Exists(committed))
            {
                Directory.Delete(committed, recursive: true);
            }

            Directory.CreateDirectory(committed);
            foreach (var file in Directory.GetFiles(recorded))
            {
                File.Copy(file, Path.Combine(committed, Path.GetFileName(file)));
            }
        }

        Assert.Equal(Names(recorded), Names(committed));
        foreach (var name in Names(recorded))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(recorded, name)), File.ReadAllText(Path.Combine(committed, name)));
        }
    }

    [Fact]
    public async Task SampleScenarioCassette_ReplaysOffline_EveryScenarioAccepted()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var store = new CassetteStore(MockGen.Storage.Stores.PipelineStore.LocalFolder(Path.Combine(Folder, "store")).Blobs);

        var (ndjson, run) = await RunAsync(contract, AiGateways.Build(CassetteMode.Replay, store, null, null));

        Assert.Equal(8, run.Report.Accepted);
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
        Assert.Equal(16, EnrichedGeneration.Records(ndjson).Count(r => r.GetProperty("meta").GetProperty("scenario").GetProperty("answer").GetString() == "accepted"));
    }

    private static string Scenario(JsonElement record) => record.GetProperty("meta").GetProperty("scenario").GetProperty("name").GetString()!;

    // Exactly what `mockgen generate samples/payments-api.yaml --target Payment --count 2 --ai scenarios --prompt
    // samples/ai-scenarios/payment-scenarios.prompt --scenarios samples/ai-scenarios/payment-matrix.json
    // --ai-deployment gpt-4o-mini` sends.
    private static async Task<(byte[] Ndjson, ScenarioRun Run)> RunAsync(Contract contract, MockGen.Ai.Gateway.IModelGateway gateway)
    {
        var prompt = PromptTemplate.Parse("payment-scenarios", File.ReadAllText(Path.Combine(Folder, "payment-scenarios.prompt")));
        var matrixPath = Path.Combine(Folder, "payment-matrix.json");
        var scenarios = ScenarioMatrix.ParseFile(matrixPath, File.ReadAllText(matrixPath));
        var target = contract.GetTarget(Payment);
        var options = new GenerationOptions { Count = Count };
        var plans = new DatasetGenerator(options).PlanEnrichment(contract, [target]);
        var run = await new ScenarioEnricher(gateway, new EnrichmentSettings { Deployment = "gpt-4o-mini" })
            .EnrichAsync(contract, [(target, plans[0])], scenarios, Count, new EnrichmentContext(contract.Version, options.Seed, null, options.Locale), prompt);
        options.Scenarios = run.Scenarios;
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(options).Generate(contract, [target], writer);
            writer.Complete();
        }

        return (stream.ToArray(), run);
    }

    // The script: MockGen's own typical payments (seeded by the scenario), set to the scenario's parameters, then
    // written in the strict shape the request's schema asks for, as a model would answer it.
    private static FakeResponse Answer(Contract contract, FakeChatRequest request)
    {
        var parameters = request.LastUserText.Split('\n')
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal))
            .Select(l => l[2..].Split(": ", 2))
            .ToDictionary(p => p[0], p => p[1].Split(' ')[0], StringComparer.Ordinal);
        var (tenant, currency, status) = (parameters["tenant configuration"], parameters["currency"], parameters["payment status"]);
        var options = new GenerationOptions { Seed = "sample-" + tenant + currency + status, Count = ScenarioEnricher.PayloadsPerRequest };
        var bases = EnrichedGeneration.Records(Generate(contract, options)).Select(r => JsonNode.Parse(r.GetProperty("payload").GetRawText())!.AsObject()).ToList();
        var schema = request.Schema!.Value;
        var item = schema.GetProperty("properties").GetProperty("payloads").GetProperty("items");
        var payloads = new JsonArray();
        for (var i = 0; i < bases.Count; i++)
        {
            payloads.Add(ToStrict(schema, item, Shape(bases[i], tenant, currency, status, i)));
        }

        return FakeResponse.Content(new JsonObject { ["payloads"] = payloads }.ToJsonString());
    }

    private static byte[] Generate(Contract contract, GenerationOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(options).Generate(contract, [contract.GetTarget(Payment)], writer);
            writer.Complete();
        }

        return stream.ToArray();
    }

    private static JsonObject Shape(JsonObject payment, string tenant, string currency, string status, int index)
    {
        var eu = tenant == "eu-strict";
        var amount = new[] { 89.90m, 1249.00m, 19.99m, 342.50m, 4.75m }[index % 5];
        JsonObject Money(decimal value) => new() { ["amount"] = value, ["currency"] = currency };
        // Ids whose digit runs are short: the PII guard reads 13+ digits in a row (dashes allowed) as a card number.
        var letter = "abcde"[index % 5];
        payment["id"] = "0f8fad5b-d9cb-469f-a1b5-7f8e7728c95" + letter;
        payment["customer"]!["id"] = "e02fd0e4-a0fd-490a-9bd3-1c0b9bd4b1a" + letter;
        payment["tenant_id"] = eu ? "acme-eu" : "acme-us";
        payment["status"] = status;
        payment["amount"] = Money(amount);
        payment["failure_code"] = null;
        payment["description"] = string.Create(CultureInfo.InvariantCulture, $"Order {(eu ? "EU" : "US")}-{2025_0410 + index} ({status}, {currency})");
        // No personal data, as the prompt demands: example.com emails, the NANP fictional range, a published test
        // card, the ECBS example IBAN.
        var customer = payment["customer"]!.AsObject();
        var name = customer["name"]!.GetValue<string>();
        customer["email"] = string.Join('.', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => new string([.. p.Where(char.IsAsciiLetter)]))) + "@example.com";
        customer["phone"] = "+1202555010" + index.ToString(CultureInfo.InvariantCulture);
        payment["method"] = eu
            ? new JsonObject { ["type"] = "bank_transfer", ["bank_transfer"] = new JsonObject { ["iban"] = "GB82WEST12345698765432", ["bic"] = "WESTGB2L", ["account_holder"] = name } }
            : new JsonObject { ["type"] = "card", ["card"] = new JsonObject { ["number"] = "4242424242424242", ["last4"] = "4242", ["brand"] = "visa", ["expiry_month"] = 3 + index, ["expiry_year"] = 2029, ["holder_name"] = name } };
        customer["billing_address"] = eu
            ? new JsonObject { ["line1"] = new[] { "Friedrichstraße 43", "12 Rue de Rivoli", "Keizersgracht 221" }[index % 3], ["city"] = new[] { "Berlin", "Paris", "Amsterdam" }[index % 3], ["postal_code"] = new[] { "10117", "75004", "1016 DV" }[index % 3], ["country"] = new[] { "DE", "FR", "NL" }[index % 3] }
            : new JsonObject { ["line1"] = new[] { "500 Market Street", "77 Massachusetts Ave", "1200 Pine St" }[index % 3], ["city"] = new[] { "San Francisco", "Cambridge", "Seattle" }[index % 3], ["postal_code"] = new[] { "94105", "02139", "98101" }[index % 3], ["country"] = "US" };
        payment["metadata"] = eu
            ? new JsonObject { ["data_residency"] = "eu-west", ["consent"] = "gdpr-explicit", ["order_ref"] = "EU-" + (48213 + index).ToString(CultureInfo.InvariantCulture) }
            : new JsonObject { ["data_residency"] = "us-east", ["order_ref"] = "US-" + (91377 + index).ToString(CultureInfo.InvariantCulture) };
        payment.Remove("amount_refunded");
        payment["refunds"] = new JsonArray();
        if (status == "refunded")
        {
            payment["amount_refunded"] = Money(amount);
            payment["refunds"] = new JsonArray(new JsonObject
            {
                ["id"] = "7c9e6679-7a25-40de-944b-e07fc1f90ae" + letter,
                ["payment_id"] = payment["id"]!.GetValue<string>(),
                ["amount"] = Money(amount),
                ["reason"] = "requested_by_customer",
                ["status"] = "succeeded",
                ["created_at"] = payment["created_at"]!.GetValue<string>(),
            });
        }

        return payment;
    }

    // The contract's shape to the strict one: every property present (null for absent), maps as {key, value} entries.
    private static JsonNode? ToStrict(JsonElement root, JsonElement schema, JsonNode? value)
    {
        schema = Resolve(root, schema);
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var branch = anyOf.EnumerateArray().FirstOrDefault(b => Fits(root, b, value));
            return branch.ValueKind == JsonValueKind.Undefined ? value?.DeepClone() : ToStrict(root, branch, value);
        }

        if (value is JsonObject obj && schema.TryGetProperty("properties", out var properties))
        {
            var strict = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                strict[property.Name] = obj.TryGetPropertyValue(property.Name, out var v) ? ToStrict(root, property.Value, v) : null;
            }

            return strict;
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var entry = Resolve(root, items);
            if (value is JsonObject map)
            {
                var valueSchema = entry.GetProperty("properties").GetProperty("value");
                return new JsonArray([.. map.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = ToStrict(root, valueSchema, p.Value) })]);
            }

            if (value is JsonArray array)
            {
                return new JsonArray([.. array.Select(v => ToStrict(root, items, v))]);
            }
        }

        return value?.DeepClone();
    }

    private static bool Fits(JsonElement root, JsonElement schema, JsonNode? value)
    {
        schema = Resolve(root, schema);
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            return anyOf.EnumerateArray().Any(b => Fits(root, b, value));
        }

        var types = !schema.TryGetProperty("type", out var type) ? [] : type.ValueKind == JsonValueKind.String ? [type.GetString()!] : type.EnumerateArray().Select(t => t.GetString()!).ToArray();
        return value switch
        {
            null => types.Contains("null"),
            JsonObject obj when types.Contains("object") && schema.TryGetProperty("properties", out var properties) =>
                obj.All(p => properties.TryGetProperty(p.Key, out var s) && (!Resolve(root, s).TryGetProperty("enum", out var e) || e.EnumerateArray().Any(x => JsonNode.DeepEquals(JsonNode.Parse(x.GetRawText()), p.Value)))),
            JsonObject => types.Contains("array"),
            JsonArray => types.Contains("array"),
            _ => types.Length == 0 || types.Contains(value.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) ? "number" : "integer",
                _ => "boolean",
            }) || (types.Contains("number") && value.GetValueKind() == JsonValueKind.Number),
        };
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? root.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..]) : schema;

    private static List<string> Names(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
