using System.Reflection;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Schema;

/// <summary>Snapshot of the public surface of the schema, validation and JSON namespaces: every change shows up in review.</summary>
public sealed class PublicApiTests
{
    private static readonly string[] Namespaces = ["MockGen.Core.Schema", "MockGen.Core.Validation", "MockGen.Core.Json"];

    [Fact]
    public void PublicSurface_MatchesSnapshot()
    {
        var actual = Describe();
        var path = Path.Combine(AppContext.BaseDirectory, "Schema", "PublicApi.Schema.txt");
        var expected = File.ReadAllLines(path);

        Assert.True(expected.SequenceEqual(actual), "Public API changed. Actual:\n" + string.Join("\n", actual));
    }

    private static List<string> Describe()
    {
        var lines = new List<string>();
        var types = typeof(SchemaSet).Assembly.GetExportedTypes()
            .Where(t => Namespaces.Contains(t.Namespace))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            lines.Add($"{Kind(type)} {type.FullName}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(Member)
                .Where(m => m is not null)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "  " + m));
        }

        return lines;
    }

    private static string Kind(Type t) => t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : t.IsSealed && t.IsAbstract ? "static class" : "class";

    private static string? Member(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Params(c)})",
        MethodInfo mi => $"{(mi.IsStatic ? "static " : string.Empty)}{Name(mi.ReturnType)} {mi.Name}({Params(mi)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}",
        FieldInfo f when f.DeclaringType!.IsEnum && f.IsStatic => $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo f => $"{Name(f.FieldType)} {f.Name}",
        _ => null,
    };

    private static string Params(MethodBase m) => string.Join(", ", m.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;
}
