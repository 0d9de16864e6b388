using System.Reflection;
using MockGen.Core.Enrichment;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Core.Tests.Enrichment;

/// <summary>
/// The public surface of <c>MockGen.Core.Enrichment</c> (the product's gateway and the loopback fake use it) is
/// recorded in <c>Expectations/enrichment-public-api.txt</c>. After an intended change, review
/// <c>enrichment-public-api.received.txt</c> (written on failure) and move it over that file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void EnrichmentNamespace_MatchesTheRecordedSurface()
    {
        var lines = new List<string>();
        var types = typeof(StrictSchemaTransform).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "MockGen.Core.Enrichment")
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            lines.Add($"{(type.IsEnum ? "enum" : type.IsAbstract && type.IsSealed ? "static class" : "class")} {type.FullName}");
            lines.AddRange(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !(type.IsEnum && m.Name == "value__"))
                .Where(m => m.Name is not ("<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers" or "GetHashCode" or "Equals"))
                .Select(PublicApiText.Describe)
                .Order(StringComparer.Ordinal)
                .Select(m => "  " + m));
        }

        var actual = string.Join('\n', lines) + "\n";
        var expectedPath = Path.Combine(SourceFolder(), "Expectations", "enrichment-public-api.txt");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(expectedPath, ".received.txt"), actual);
        }

        Assert.Equal(expected, actual);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
