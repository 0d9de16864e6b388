using System.Reflection;
using MockGen.Core.Coverage;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Core.Tests.Coverage;

/// <summary>
/// The public surface of <c>MockGen.Core.Coverage</c> and <c>MockGen.Core.Reporting</c> (the CLI's report command
/// and the dashboard use them) is recorded in <c>Expectations/coverage-public-api.txt</c>, in the format the
/// Contracts and Enrichment snapshots use. After an intended change, review <c>coverage-public-api.received.txt</c>
/// (written on failure) and move it over that file.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string[] Namespaces = ["MockGen.Core.Coverage", "MockGen.Core.Reporting"];

    [Fact]
    public void CoverageAndReportingNamespaces_MatchTheRecordedSurface()
    {
        var lines = new List<string>();
        var types = typeof(TargetCoverage).Assembly.GetExportedTypes()
            .Where(t => Namespaces.Contains(t.Namespace, StringComparer.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            lines.Add($"{Kind(type)} {type.FullName}");
            lines.AddRange(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !(type.IsEnum && m.Name == "value__"))
                .Where(m => m.Name is not ("<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers" or "GetHashCode" or "Equals" or "op_Equality" or "op_Inequality"))
                .Select(PublicApiText.Describe)
                .Order(StringComparer.Ordinal)
                .Select(m => "  " + m));
        }

        var actual = string.Join('\n', lines) + "\n";
        var expectedPath = Path.Combine(SourceFolder(), "Expectations", "coverage-public-api.txt");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(expectedPath, ".received.txt"), actual);
        }

        Assert.Equal(expected, actual);
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
