using System.Text.Json;

namespace MockGen.Core.Tests.Suite;

/// <summary>One test of the suite: a schema, an instance and the expected verdict.</summary>
internal sealed record SuiteCase(string Draft, string File, int GroupIndex, string Group, int TestIndex, string Test, JsonElement Schema, JsonElement Data, bool Valid)
{
    public string Id => $"{Draft}/{File}/{GroupIndex}/{TestIndex}";
}
