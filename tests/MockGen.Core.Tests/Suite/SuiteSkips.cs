namespace MockGen.Core.Tests.Suite;

/// <summary>The one table of suite tests we do not pass, keyed <c>draft/file/group/test</c> (indices), each with its reason.</summary>
internal static class SuiteSkips
{
    public static readonly IReadOnlyDictionary<string, string> Required = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
