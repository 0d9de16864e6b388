using System.Reflection;

namespace MockGen.Deployment.Tests.Support;

/// <summary>Where the repository, the references beside it and the Bicep CLI from NuGet are (set by the csproj).</summary>
internal static class Locations
{
    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    /// <summary>
    /// <c>../shared/reference</c> beside the repository root (azd's azure.yaml schema lives there); from a git worktree
    /// nested deeper (<c>/work/wt/name</c>), the nearest <c>shared/reference</c> beside an ancestor.
    /// </summary>
    public static string SharedReference { get; } = FindSharedReference();

    public static string Infra { get; } = Path.Combine(RepoRoot, "infra");

    public static string BicepPath { get; } = Metadata("BicepPath");

    private static string FindSharedReference()
    {
        var expected = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference"));
        for (var dir = Directory.GetParent(RepoRoot.TrimEnd(Path.DirectorySeparatorChar)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return expected;
    }

    private static string Metadata(string key) =>
        typeof(Locations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing: build the project with dotnet build (the Bicep package's props set BicepPath)");
}
