using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Validation;

public sealed class ViolationMatchTests
{
    private static ValidationError Error(string instance, string keywordLocation, string keyword) =>
        new(instance, keywordLocation, SchemaTestHost.BaseUri + "#" + keywordLocation, keyword, instance + ": " + keyword);

    [Fact]
    public void Find_AncestorApplicators_Match()
    {
        ValidationError[] errors =
        [
            Error("/name", "/properties/name/$ref/maxLength", "maxLength"),
            Error("/name", "/properties/name/$ref", "$ref"),
            Error(string.Empty, "/properties", "properties"),
        ];

        Assert.Same(errors[0], ViolationMatch.Find(errors, "maxLength", "/name", "/properties/name/$ref/maxLength"));
    }

    [Fact]
    public void Find_DescendantsOfALabelledOneOf_Match()
    {
        ValidationError[] errors =
        [
            Error(string.Empty, "/oneOf/0/required", "required"),
            Error("/kind", "/oneOf/1/properties/kind/const", "const"),
            Error(string.Empty, "/oneOf/1/properties", "properties"),
            Error(string.Empty, "/oneOf", "oneOf"),
        ];

        Assert.Same(errors[3], ViolationMatch.Find(errors, "oneOf", string.Empty, "/oneOf"));
    }

    [Fact]
    public void Find_SiblingError_DoesNotMatch()
    {
        // A branch error labelled while the other branch fails too: two failures, not one.
        ValidationError[] errors =
        [
            Error("/a", "/anyOf/0/properties/a/maxLength", "maxLength"),
            Error(string.Empty, "/anyOf/0/properties", "properties"),
            Error(string.Empty, "/anyOf/1/type", "type"),
            Error(string.Empty, "/anyOf", "anyOf"),
        ];

        Assert.Null(ViolationMatch.Find(errors, "maxLength", "/a", "/anyOf/0/properties/a/maxLength"));
        Assert.NotNull(ViolationMatch.Find(errors, "anyOf", string.Empty, "/anyOf"));
    }

    [Fact]
    public void Find_WrongKeywordOrLocation_DoesNotMatch()
    {
        ValidationError[] errors = [Error("/n", "/properties/n/maximum", "maximum"), Error(string.Empty, "/properties", "properties")];

        Assert.Null(ViolationMatch.Find(errors, "minimum", "/n", "/properties/n/maximum"));
        Assert.Null(ViolationMatch.Find(errors, "maximum", "/m", "/properties/n/maximum"));
        Assert.Null(ViolationMatch.Find(errors, "maximum", "/n", "/properties/m/maximum"));
    }

    [Fact]
    public void Find_DescendantsOfAConjunctiveApplicator_DoNotMatch()
    {
        // Labelling "properties" would hide that two properties are broken.
        ValidationError[] errors =
        [
            Error("/a", "/properties/a/maxLength", "maxLength"),
            Error("/b", "/properties/b/type", "type"),
            Error(string.Empty, "/properties", "properties"),
        ];

        Assert.Null(ViolationMatch.Find(errors, "properties", string.Empty, "/properties"));
    }

    [Fact]
    public void Find_SegmentPrefixIsNotAPathPrefix()
    {
        ValidationError[] errors = [Error("/ab", "/properties/ab/type", "type"), Error("/a", "/properties/a/type", "type")];

        Assert.Null(ViolationMatch.Find(errors, "type", "/a", "/properties/a/type"));
    }

    [Fact]
    public void IsMatchedBy_RealValidator_RootOneOfMatchingNoBranch()
    {
        const string schema = """{"oneOf": [{"type": "string", "maxLength": 3}, {"type": "integer"}]}""";
        var result = SchemaTestHost.Validate(schema, "\"toolong\"");

        Assert.True(ViolationMatch.IsMatchedBy(result, "oneOf", string.Empty, "/oneOf"));
        Assert.True(ViolationMatch.IsMatchedBy(result, "oneOf", string.Empty, SchemaTestHost.BaseUri + "#/oneOf"));
        Assert.False(ViolationMatch.IsMatchedBy(result, "maxLength", string.Empty, "/oneOf/0/maxLength"));
        Assert.False(ViolationMatch.IsMatchedBy(SchemaTestHost.Validate(schema, "\"ok\""), "oneOf", string.Empty, "/oneOf"));
    }
}
