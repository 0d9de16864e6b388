using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Output;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Generation.Enrichment;

/// <summary>
/// The scenarios mode's Core side: model candidates repaired against the target (good values kept, bad ones
/// regenerated deterministically), gated, and stamped with <c>meta.scenario</c> and <c>meta.ai</c>.
/// </summary>
public sealed class ScenarioGenerationTests
{
    private static readonly PayloadAiMeta Ai = new("gpt-4o-mini", "gpt-4o-2024-08-06", "sha256:" + new string('1', 64), "sha256:" + new string('2', 64));

    private static readonly KeyValuePair<string, string>[] Parameters = [new("currency", "GBP"), new("status", "paid")];

    [Fact]
    public void Generate_ValidCandidate_IsWrittenAsAnswered_WithScenarioAndAiMeta()
    {
        var contract = GenerationFixtures.LoadOrders();
        var candidate = ValidPayload(contract);
        candidate["note"] = "Gift order — wrap in blue, ship to the office";

        var records = Records(Run(contract, Scenarios(contract, "GBP-paid", candidate)));

        var record = Assert.Single(records);
        Assert.Equal(candidate.ToJsonString(), JsonNode.Parse(record.GetProperty("payload").GetRawText())!.ToJsonString());
        var scenario = record.GetProperty("meta").GetProperty("scenario");
        Assert.Equal("GBP-paid", scenario.GetProperty("name").GetString());
        Assert.Equal("""{"currency":"GBP","status":"paid"}""", scenario.GetProperty("parameters").GetRawText());
        Assert.Equal("accepted", scenario.GetProperty("answer").GetString());
        Assert.Equal(0, scenario.GetProperty("regenerated").GetArrayLength());
        Assert.Equal(Ai.CassetteKey, record.GetProperty("meta").GetProperty("ai").GetProperty("cassetteKey").GetString());
        Assert.Equal("typical", record.GetProperty("meta").GetProperty("variant").GetString());
        AssertValid(contract, records);
    }

    [Fact]
    public void Generate_CandidateBreakingSomeConstraints_KeepsTheRest_AndRegeneratesOnlyTheBrokenValues()
    {
        var contract = GenerationFixtures.LoadOrders();
        var candidate = ValidPayload(contract);
        candidate["note"] = "Leave at the reception desk";
        candidate["customer"]!["name"] = "Ada Lovelace";
        candidate["total"]!["amount"] = -5;                 // exclusiveMinimum 0
        candidate["customer"]!["email"] = "not an email";  // format email
        candidate["bogus"] = true;                          // additionalProperties false
        candidate.AsObject().Remove("created_at");          // required

        var records = Records(Run(contract, Scenarios(contract, "GBP-paid", candidate)));

        var record = Assert.Single(records);
        AssertValid(contract, records);
        var payload = record.GetProperty("payload");
        Assert.Equal("Leave at the reception desk", payload.GetProperty("note").GetString());
        Assert.Equal("Ada Lovelace", payload.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(candidate["lines"]!.ToJsonString(), JsonNode.Parse(payload.GetProperty("lines").GetRawText())!.ToJsonString());
        Assert.False(payload.TryGetProperty("bogus", out _));
        var scenario = record.GetProperty("meta").GetProperty("scenario");
        Assert.Equal("repaired", scenario.GetProperty("answer").GetString());
        Assert.Equal(["/bogus", "/created_at", "/customer/email", "/total/amount"], scenario.GetProperty("regenerated").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        Assert.True(record.GetProperty("meta").TryGetProperty("ai", out _));
    }

    [Fact]
    public void Generate_UnusableOrMissingCandidates_AreRegeneratedWhole_PerScenario_Deterministically()
    {
        var contract = GenerationFixtures.LoadOrders();
        var options = new GenerationOptions
        {
            Seed = "4",
            Count = 3,
            Scenarios = new ScenarioSet(
            [
                new ScenarioPayloads(Root(contract).Id, "a", Parameters, [new ScenarioCandidate(JsonDocument.Parse("\"hello\"").RootElement.Clone(), Ai)]),
                new ScenarioPayloads(Root(contract).Id, "b", Parameters, []),
            ]),
        };

        var first = Run(contract, options);
        var records = Records(first);

        Assert.Equal(first, Run(contract, options));
        Assert.Equal(6, records.Count);
        AssertValid(contract, records);
        Assert.All(records, r => Assert.Equal("regenerated", r.GetProperty("meta").GetProperty("scenario").GetProperty("answer").GetString()));
        Assert.All(records, r => Assert.False(r.GetProperty("meta").TryGetProperty("ai", out _)));
        Assert.Equal(["a", "a", "a", "b", "b", "b"], records.Select(r => r.GetProperty("meta").GetProperty("scenario").GetProperty("name").GetString()));
        // The scenario's name is part of the deterministic base's seed: scenario b is not a copy of scenario a.
        Assert.NotEqual(records[0].GetProperty("payload").GetRawText(), records[3].GetProperty("payload").GetRawText());
    }

    [Fact]
    public void Generate_WithoutScenarios_DoesNotDependOnTheScenarioSeedPart()
    {
        var contract = GenerationFixtures.LoadOrders();

        // Scenarios for a target that is not generated leave the run as it is without them.
        var plain = Run(contract, new GenerationOptions { Seed = "4", Count = 3 });
        var unrelated = Run(contract, new GenerationOptions
        {
            Seed = "4",
            Count = 3,
            Scenarios = new ScenarioSet([new ScenarioPayloads("#/elsewhere", "x", Parameters, [])]),
        });

        Assert.Equal(plain, unrelated);
    }

    [Fact]
    public void Generate_ScenarioIndexNoRepairSaves_ErrorRecordNamesTheScenario()
    {
        // The root cannot be satisfied (minLength above maxLength), and the candidate breaks it too.
        var contract = new ContractLoader().Load("impossible.json", Encoding.UTF8.GetBytes("""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["a"],
             "properties":{"a":{"type":"string","minLength":3,"maxLength":1}}}
            """));

        var records = Records(Run(contract, Scenarios(contract, "GBP-paid", JsonNode.Parse("""{"a":"x"}""")!)));

        var meta = Assert.Single(records).GetProperty("meta");
        Assert.Equal("GBP-paid", meta.GetProperty("scenario").GetProperty("name").GetString());
        Assert.EndsWith("(scenario GBP-paid)", meta.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("typical", meta.GetProperty("variant").GetString());
    }

    private static GenerationOptions Scenarios(Contract contract, string name, JsonNode candidate) => new()
    {
        Seed = "4",
        Count = 1,
        Scenarios = new ScenarioSet([new ScenarioPayloads(Root(contract).Id, name, Parameters, [new ScenarioCandidate(JsonDocument.Parse(candidate.ToJsonString()).RootElement.Clone(), Ai)])]),
    };

    private static JsonNode ValidPayload(Contract contract)
    {
        var record = Records(Run(contract, new GenerationOptions { Seed = "77", Count = 1 })).Single();
        return JsonNode.Parse(record.GetProperty("payload").GetRawText())!;
    }

    private static ContractTarget Root(Contract contract) => contract.Targets.First(t => t.JsonPointer.Length == 0);

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
