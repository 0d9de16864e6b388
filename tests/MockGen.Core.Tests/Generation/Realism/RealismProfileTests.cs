using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Realism;

namespace MockGen.Core.Tests.Generation.Realism;

public sealed class RealismProfileTests
{
    private const string Valid = """
        {
          "locale": "fr",
          "timeWindow": { "start": "2022-03-01T00:00:00Z", "end": "2022-03-31T23:59:59Z" },
          "tenantProperties": ["orgId"],
          "properties": { "nickname": { "faker": "name.firstName" }, "status": { "values": ["live"] } },
          "pointers": { "/orders/*/status": { "values": ["shipped"] } }
        }
        """;

    [Fact]
    public void Parse_ValidProfile_SetsEverything()
    {
        var profile = RealismProfile.Parse(Valid, "profile.json");
        Assert.Equal("fr", profile.Locale);
        Assert.Equal(new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero), profile.TimeWindowStart);
        Assert.Equal(["orgId"], profile.TenantProperties);

        var engine = new RealismEngine(new RealismOptions { Profile = profile, Tenant = "t-1" });
        Assert.Equal("fr", engine.Locale);
        Assert.True(engine.IsTenantProperty("orgId"));

        var rng = Prng.FromParts("profile");
        Assert.True(engine.TryGenerateString(new ValueContext { PropertyName = "status", InstancePointer = "/orders/3/status", ParentPointer = "/orders/3" }, rng, out var byPointer));
        Assert.Equal("shipped", byPointer);
        Assert.True(engine.TryGenerateString(new ValueContext { PropertyName = "status", InstancePointer = "/account/status", ParentPointer = "/account" }, rng, out var byName));
        Assert.Equal("live", byName);
        Assert.True(engine.TryGenerateString(new ValueContext { PropertyName = "createdAt", InstancePointer = "/createdAt", Format = "date-time", Record = engine.CreateRecord(rng) }, rng, out var created));
        Assert.StartsWith("2022-03-", created, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ExplicitLocale_WinsOverTheProfile()
    {
        var engine = new RealismEngine(new RealismOptions { Profile = RealismProfile.Parse(Valid, "p.json"), Locale = "de" });
        Assert.Equal("de", engine.Locale);
    }

    [Theory]
    [InlineData("""{"locale": "klingon"}""", "/locale", "Bogus locale")]
    [InlineData("""{"timeWindow": {"start": "2024-01-01T00:00:00Z", "end": "yesterday"}}""", "/timeWindow/end", "RFC 3339")]
    [InlineData("""{"timeWindow": {"start": "2024-02-01T00:00:00Z", "end": "2024-01-01T00:00:00Z"}}""", "/timeWindow", "after")]
    [InlineData("""{"tenantProperties": ["ok", ""]}""", "/tenantProperties", "non-empty property names")]
    [InlineData("""{"properties": {"a~b/c": {"faker": "nope.nope"}}}""", "/properties/a~0b~1c/faker", "unknown faker method")]
    [InlineData("""{"pointers": {"status": {"values": [1]}}}""", "/pointers/status", "not a JSON Pointer")]
    [InlineData("""{"colour": "red"}""", "/colour", "unknown profile key")]
    [InlineData("""[]""", "", "must be a JSON object")]
    public void Parse_InvalidProfile_NamesFilePointerAndRule(string json, string pointer, string rule)
    {
        var error = Assert.Throws<RealismConfigurationException>(() => RealismProfile.Parse(json, "team.profile.json"));
        Assert.Equal("team.profile.json", error.SourceFile);
        Assert.Equal(pointer, error.JsonPointer);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_NamesLineAndColumn()
    {
        var error = Assert.Throws<RealismConfigurationException>(() => RealismProfile.Parse("{\n  \"locale\": \"en\",\n  oops\n}", "bad.json"));
        Assert.StartsWith("bad.json:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsAClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), "mockgen-no-such-profile-" + Guid.NewGuid().ToString("N") + ".json");
        var error = Assert.Throws<RealismConfigurationException>(() => RealismProfile.Load(path));
        Assert.StartsWith(path + ": cannot read the realism profile", error.Message, StringComparison.Ordinal);
    }
}
