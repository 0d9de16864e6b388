using MockGen.Core.Contracts;

namespace MockGen.Core.Tests.Contracts;

public sealed class JsonPointerSyntaxTests
{
    [Theory]
    [InlineData("/paths/~1pets~1{petId}/get", "/paths/~1pets~1%7BpetId%7D/get")]
    [InlineData("/components/schemas/Pet Owner", "/components/schemas/Pet%20Owner")]
    [InlineData("/a%b/é", "/a%25b/%C3%A9")]
    [InlineData("", "")]
    public void ToUriFragment_EscapesWhatFragmentsCannotHold(string pointer, string expected)
    {
        Assert.Equal(expected, JsonPointerSyntax.ToUriFragment(pointer));
        Assert.Equal(pointer, JsonPointerSyntax.FromUriFragment(expected));
    }

    [Theory]
    [InlineData("a/b", "a~1b")]
    [InlineData("m~n", "m~0n")]
    [InlineData("application/json", "application~1json")]
    public void Escape_FollowsRfc6901(string segment, string expected) =>
        Assert.Equal(expected, JsonPointerSyntax.Escape(segment));

    [Fact]
    public void TryResolve_WalksObjectsAndArrays()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"a/b":[{"c~d":1}]}""");
        Assert.True(JsonPointerSyntax.TryResolve(document.RootElement, "/a~1b/0/c~0d", out var value));
        Assert.Equal(1, value.GetInt32());
        Assert.False(JsonPointerSyntax.TryResolve(document.RootElement, "/a~1b/01", out _));
        Assert.False(JsonPointerSyntax.TryResolve(document.RootElement, "/missing", out _));
    }
}
