namespace MockGen.Core.Tests.Suite;

/// <summary>Finds the JSON Schema Test Suite beside the repository root (<c>../shared/json-schema-test-suite</c>).</summary>
internal static class SuiteLocator
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string SuiteRoot => Root.Value;

    public static string TestsFolder(string draft) => Path.Combine(SuiteRoot, "tests", draft);

    public static string RemotesFolder => Path.Combine(SuiteRoot, "remotes");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockGen.Functions.sln")))
            {
                var suite = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "json-schema-test-suite"));
                if (!Directory.Exists(Path.Combine(suite, "tests")))
                {
                    throw new InvalidOperationException($"The JSON Schema Test Suite is missing: expected it at {suite} (../shared/json-schema-test-suite beside the repository root).");
                }

                return suite;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException($"Cannot find the repository root (MockGen.Functions.sln) above {AppContext.BaseDirectory}.");
    }
}
