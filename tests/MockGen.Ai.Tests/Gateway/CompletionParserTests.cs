using MockGen.Ai.Gateway;

namespace MockGen.Ai.Tests.Gateway;

public sealed class CompletionParserTests
{
    [Fact]
    public void ParseSuccess_Stop_IsCompletedWithProvenance()
    {
        var result = CompletionParser.ParseSuccess("""
            {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-2024-08-06","system_fingerprint":"fp_1",
             "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}],
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"{\"f1\":[\"a\"]}","refusal":null}}],
             "usage":{"prompt_tokens":33,"completion_tokens":27,"total_tokens":60}}
            """);

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal("{\"f1\":[\"a\"]}", result.Content);
        Assert.Equal("gpt-4o-2024-08-06", result.Model);
        Assert.Equal("fp_1", result.SystemFingerprint);
        Assert.Equal(new ModelUsage(33, 27), result.Usage);
        Assert.Empty(result.FilteredCategories);
    }

    [Theory]
    [InlineData("length", "\"{\\\"f1\\\":[\\\"a\"", ModelOutcome.Truncated)]
    [InlineData("content_filter", "null", ModelOutcome.ContentFiltered)]
    [InlineData("stop", "null", ModelOutcome.Failed)]
    public void ParseSuccess_FinishReasons_AreOutcomes(string finish, string content, ModelOutcome expected)
    {
        var filtered = finish == "content_filter" ? "true" : "false";
        var result = CompletionParser.ParseSuccess(
            "{\"choices\":[{\"finish_reason\":\"" + finish + "\",\"message\":{\"content\":" + content + "},"
            + "\"content_filter_results\":{\"violence\":{\"filtered\":" + filtered + ",\"severity\":\"high\"}}}]}");

        Assert.Equal(expected, result.Outcome);
        Assert.False(result.HasContent);
        Assert.NotNull(result.Error);
        if (expected == ModelOutcome.ContentFiltered)
        {
            Assert.Equal(["output:violence"], result.FilteredCategories);
        }
    }

    [Fact]
    public void ParseSuccess_Refusal_IsRefused()
    {
        var result = CompletionParser.ParseSuccess("""{"choices":[{"finish_reason":"stop","message":{"content":null,"refusal":"I can't help with that."}}]}""");

        Assert.Equal(ModelOutcome.Refused, result.Outcome);
        Assert.Equal("I can't help with that.", result.Refusal);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("[1,2]")]
    public void ParseSuccess_Garbage_IsFailedNotAnException(string body) =>
        Assert.Equal(ModelOutcome.Failed, CompletionParser.ParseSuccess(body).Outcome);

    [Fact]
    public void ParseError_PromptFiltered_IsContentFilter()
    {
        var (code, _, filtered) = CompletionParser.ParseError("""
            {"error":{"code":"content_filter","message":"The response was filtered","param":"prompt","status":400,
              "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":true,"severity":"high"}}}}}
            """);

        Assert.Equal("content_filter", code);
        Assert.True(filtered);
    }
}
