using System.Text.Json;
using MockGen.Core.Enrichment;
using static MockGen.Core.Tests.Enrichment.StrictFixtures;

namespace MockGen.Core.Tests.Enrichment;

/// <summary>Mapping a model's strict answer back to the contract's shape, then through the gate.</summary>
public sealed class StrictAnswerTests
{
    [Fact]
    public void ToPayload_NullOnOptionalNonNullable_BecomesAbsent_NullOnNullableStays()
    {
        var contract = Load("""
            {"type":"object","required":["id"],"properties":{"id":{"type":"string"},"nick":{"type":"string"},"note":{"type":["string","null"]}}}
            """);
        var target = contract.Targets.Single(t => t.Id == "#");
        var strict = new StrictSchemaTransform().Transform(contract, target);

        var payload = StrictAnswer.ToPayload(strict, Parse("""{"id":"u-1","nick":null,"note":null}"""));

        Assert.Equal("""{"id":"u-1","note":null}""", payload.GetRawText());
        Assert.True(contract.Validate(target, payload).IsValid);
    }

    [Fact]
    public void ToPayload_WrappedRoot_IsUnwrapped()
    {
        var strict = TransformSchema("""{"type":"array","items":{"type":"object","properties":{"a":{"type":"integer"}}}}""");

        var payload = StrictAnswer.ToPayload(strict, Parse("""{"value":[{"a":1},{"a":null}]}"""));

        Assert.Equal("""[{"a":1},{}]""", payload.GetRawText());
    }

    [Fact]
    public void ToPayload_MapEntries_BecomeAnObjectAgain_FirstKeyWins()
    {
        var contract = Load("""{"type":"object","required":["labels"],"properties":{"labels":{"type":"object","additionalProperties":{"type":"integer"}}}}""");
        var target = contract.Targets.Single(t => t.Id == "#");
        var strict = new StrictSchemaTransform().Transform(contract, target);

        var payload = StrictAnswer.ToPayload(strict, Parse("""{"labels":[{"key":"a","value":1},{"key":"b","value":2},{"key":"a","value":3}]}"""));

        Assert.Equal("""{"labels":{"a":1,"b":2}}""", payload.GetRawText());
        Assert.True(contract.Validate(target, payload).IsValid);
    }

    [Fact]
    public void ToPayload_ThroughDefinitionsAndChoices_MapsEachBranch()
    {
        var strict = TransformTarget(StrictSchemaTransformTests.OpenApi31("""
            "Cat": {"type":"object","required":["kind"],"properties":{"kind":{"const":"cat"},"toys":{"type":"object","additionalProperties":{"type":"string"}}}},
            "Dog": {"type":"object","required":["kind"],"properties":{"kind":{"const":"dog"},"friend":{"$ref":"#/components/schemas/Dog"}}},
            "Owner": {"type":"object","required":["pets"],"properties":{"pets":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}]}}}}
            """), "#/components/schemas/Owner");

        var payload = StrictAnswer.ToPayload(strict, Parse("""
            {"pets":[{"kind":"cat","toys":[{"key":"ball","value":"red"}]},{"kind":"dog","friend":{"kind":"dog","friend":null}}]}
            """));

        Assert.Equal("""{"pets":[{"kind":"cat","toys":{"ball":"red"}},{"kind":"dog","friend":{"kind":"dog"}}]}""", payload.GetRawText());
    }

    [Fact]
    public void ToPayload_ValuesOutsideTheStrictShape_PassThroughForTheGate()
    {
        var contract = Load("""{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}""");
        var target = contract.Targets.Single(t => t.Id == "#");
        var strict = new StrictSchemaTransform().Transform(contract, target);

        var payload = StrictAnswer.ToPayload(strict, Parse("""{"n":"not a number","extra":true}"""));

        Assert.Equal("""{"n":"not a number","extra":true}""", payload.GetRawText());
        Assert.False(contract.Validate(target, payload).IsValid);
    }

    [Theory]
    [InlineData(null, "the answer has no content")]
    [InlineData("", "the answer has no content")]
    [InlineData("""{"id":"u-1","na""", "the answer is not valid JSON")]
    public void TryToPayload_NoContentOrTruncated_IsAnErrorValue(string? content, string expected)
    {
        var strict = TransformSchema("""{"type":"object","properties":{"id":{"type":"string"}}}""");

        Assert.False(StrictAnswer.TryToPayload(strict, content, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryToPayload_Json_MapsIt()
    {
        var strict = TransformSchema("""{"type":"string"}""");

        Assert.True(StrictAnswer.TryToPayload(strict, """{"value":"hello"}""", out var payload, out var error));
        Assert.Null(error);
        Assert.Equal(JsonValueKind.String, payload.ValueKind);
        Assert.Equal("hello", payload.GetString());
    }

    [Fact]
    public void ToPayloads_ListSchema_MapsEveryItem_AndToPayloadRefusesIt()
    {
        var contract = Load("""{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"nick":{"type":"string"}}}""");
        var target = contract.Targets.Single(t => t.Id == "#");
        var strict = new StrictSchemaTransform().TransformList(contract, target, 3);

        var payloads = StrictAnswer.ToPayloads(strict, Parse("""{"payloads":[{"id":"a","nick":null},{"id":"b","nick":"bee"}]}"""));

        Assert.Equal(3, strict.ListCount);
        Assert.Equal("payloads", strict.RootProperty);
        Assert.Equal(["""{"id":"a"}""", """{"id":"b","nick":"bee"}"""], payloads.Select(p => p.GetRawText()));
        Assert.All(payloads, p => Assert.True(contract.Validate(target, p).IsValid));
        Assert.Empty(StrictAnswer.ToPayloads(strict, Parse("""{"value":[]}""")));
        Assert.Throws<ArgumentException>(() => StrictAnswer.ToPayload(strict, Parse("{}")));
        Assert.Throws<ArgumentException>(() => StrictAnswer.ToPayloads(new StrictSchemaTransform().Transform(contract, target), Parse("{}")));
    }
}
