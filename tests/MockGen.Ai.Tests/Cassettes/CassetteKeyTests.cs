using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Tests.Cassettes;

public sealed class CassetteKeyTests
{
    private static readonly ModelRequest Request = new()
    {
        Deployment = "gpt-4o-mini",
        PromptId = "enrich-values",
        PromptVersion = "sha256:" + new string('a', 64),
        Messages = [new ModelMessage("system", "s"), new ModelMessage("user", "u")],
        SchemaName = "mockgen_value_pools",
        Schema = """{"type":"object"}""",
        Temperature = 0.2f,
        Seed = 42,
        MaxOutputTokens = 512,
    };

    [Fact]
    public void Compute_IsPinned()
    {
        // Pinned: a change here changes every recorded cassette key, so it must be deliberate.
        Assert.Equal(
            """{"surface":"azure-classic","apiVersion":"2024-10-21","deployment":"gpt-4o-mini","model":null,"promptId":"enrich-values","promptVersion":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","messages":[{"role":"system","content":"s"},{"role":"user","content":"u"}],"schemaName":"mockgen_value_pools","schemaSha256":"a2c799262a3ce3c19ef5cdd983bf3d12b43ab3c426227091b909dcb7054738c0","strict":true,"temperature":"0.2","seed":42,"maxOutputTokens":512}""",
            System.Text.Encoding.UTF8.GetString(CassetteKey.CanonicalRecord(Request)));
        Assert.Matches("^sha256:[0-9a-f]{64}$", CassetteKey.Compute(Request));
    }

    [Fact]
    public void Compute_EveryKeyedFieldChangesTheKey()
    {
        var key = CassetteKey.Compute(Request);
        ModelRequest[] variants =
        [
            Request with { Deployment = "other" },
            Request with { Model = "gpt-4o" },
            Request with { PromptVersion = "sha256:" + new string('b', 64) },
            Request with { Messages = [new ModelMessage("system", "s"), new ModelMessage("user", "u2")] },
            Request with { Schema = """{"type":"object" }""" },
            Request with { Temperature = 0.3f },
            Request with { Seed = 43 },
            Request with { MaxOutputTokens = 513 },
            Request with { Strict = false },
        ];

        Assert.All(variants, v => Assert.NotEqual(key, CassetteKey.Compute(v)));
        Assert.Equal(variants.Length, variants.Select(CassetteKey.Compute).Distinct().Count());
    }

    [Fact]
    public void PathOf_IsPerTenant()
    {
        var key = CassetteKey.Compute(Request);

        Assert.Equal("ai-cassettes/acme/" + key[7..] + ".json", CassetteStore.PathOf("acme", key));
        Assert.Equal("ai-cassettes/default/" + key[7..] + ".json", CassetteStore.PathOf(null, key));
        Assert.Throws<ArgumentException>(() => CassetteStore.PathOf("acme", "sha256:../../x"));
    }
}
