using System.Reflection;
using MockGen.Core.Enrichment;

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
                .Select(Describe)
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

    private static string Describe(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init; " : "set; ") : string.Empty)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
