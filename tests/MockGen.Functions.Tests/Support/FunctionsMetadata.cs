using System.Reflection;
using System.Text.Json;

namespace MockGen.Functions.Tests.Support;

/// <summary>The build's <c>functions.metadata</c> (copied into this test's output by the Functions project reference).</summary>
internal sealed class FunctionsMetadata
{
    private FunctionsMetadata(JsonElement root)
    {
        Root = root;
    }

    public JsonElement Root { get; }

    public IEnumerable<JsonElement> Functions => Root.EnumerateArray();

    public IReadOnlyList<HttpRoute> HttpRoutes => Functions
        .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => new HttpRoute(
                f.GetProperty("name").GetString()!,
                b.GetProperty("route").GetString()!,
                b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList(),
                EntryPoint(f.GetProperty("entryPoint").GetString()!))))
        .ToList();

    public static FunctionsMetadata Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return new FunctionsMetadata(document.RootElement.Clone());
    }

    public static MethodInfo EntryPoint(string entryPoint) =>
        FunctionRegistry.Functions.Single(m => m.DeclaringType!.FullName + "." + m.Name == entryPoint);

    internal sealed record HttpRoute(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method);
}
