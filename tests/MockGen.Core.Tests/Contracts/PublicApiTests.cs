using System.Reflection;
using MockGen.Core.Contracts;

namespace MockGen.Core.Tests.Contracts;

/// <summary>
/// The public surface of <c>MockGen.Core.Contracts</c> (which the CLI, generator, storage and service use)
/// is recorded in <c>Expectations/contracts-public-api.txt</c>, so every API change shows up in review.
/// After an intended change, review <c>contracts-public-api.received.txt</c> (written on failure) and move it over that file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ContractsNamespace_MatchesTheRecordedSurface()
    {
        var actual = Describe(typeof(Contract).Assembly, "MockGen.Core.Contracts");

        var expectedPath = Path.Combine(SourceFolder(), "Expectations", "contracts-public-api.txt");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            // Like snapshot tools: leave the received surface beside the expectation, for review and copying.
            File.WriteAllText(Path.ChangeExtension(expectedPath, ".received.txt"), actual);
        }

        Assert.Equal(expected, actual);
    }

    private static string Describe(Assembly assembly, string ns)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.Namespace == ns).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {type.FullName}");
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !(type.IsEnum && m.Name == "value__"))
                .Where(m => !IsCompilerGenerated(m))
                .Select(PublicApiText.Describe)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "  " + m));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers" or "GetHashCode" or "Equals" or "op_Equality" or "op_Inequality";

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
