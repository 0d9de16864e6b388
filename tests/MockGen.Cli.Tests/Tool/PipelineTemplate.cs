using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MockGen.Core.Contracts;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// An Azure Pipelines step template expanded the way Azure Pipelines compiles it, for the subset the MockGen template
/// uses: typed parameters with defaults, <c>${{ parameters.x }}</c> in values, and <c>${{ if eq|ne|startsWith(parameters.x,
/// 'literal') }}</c> insertions in step lists and mappings. Anything else in <c>${{ }}</c> throws, so the template cannot
/// grow an expression the tests silently skip. YAML is read with MockGen's own loader.
/// </summary>
internal sealed partial class PipelineTemplate
{
    private readonly JsonObject _root;

    private PipelineTemplate(JsonObject root) => _root = root;

    /// <summary>The declared parameters: name and default (null when the parameter is required).</summary>
    public IReadOnlyDictionary<string, string?> Parameters =>
        _root["parameters"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => (string)p["name"]!, p => p["default"] is { } d ? Scalar(d) : null, StringComparer.Ordinal);

    public static PipelineTemplate Load(string path)
    {
        var parsed = new ContractLoader().Load(Path.GetFileName(path), Encoding.UTF8.GetBytes(File.ReadAllText(path)));
        return new PipelineTemplate(JsonNode.Parse(parsed.RootDocument.Root.GetRawText())!.AsObject());
    }

    /// <summary>The steps after expansion with these parameter values; unknown or missing required parameters throw, as Azure Pipelines refuses them.</summary>
    public IReadOnlyList<JsonObject> Expand(IReadOnlyDictionary<string, string> values)
    {
        var declared = Parameters;
        var unknown = values.Keys.Where(k => !declared.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("unexpected parameter(s): " + string.Join(", ", unknown));
        }

        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, fallback) in declared)
        {
            resolved[name] = values.TryGetValue(name, out var value) ? value
                : fallback ?? throw new InvalidOperationException($"parameter '{name}' is required (it has no default)");
        }

        var steps = new List<JsonObject>();
        ExpandList(_root["steps"]!.AsArray(), resolved, steps);
        return steps;
    }

    private static void ExpandList(JsonArray items, Dictionary<string, string> parameters, List<JsonObject> into)
    {
        foreach (var item in items)
        {
            var step = item!.AsObject();
            if (step.Count == 1 && step.First().Key.StartsWith("${{", StringComparison.Ordinal))
            {
                var (key, body) = step.First();
                if (Condition(key, parameters))
                {
                    ExpandList(body!.AsArray(), parameters, into);
                }

                continue;
            }

            into.Add(Substitute(step, parameters)!.AsObject());
        }
    }

    private static JsonNode? Substitute(JsonNode? node, Dictionary<string, string> parameters)
    {
        switch (node)
        {
            case JsonObject mapping:
                var result = new JsonObject();
                foreach (var (key, value) in mapping)
                {
                    if (key.StartsWith("${{", StringComparison.Ordinal))
                    {
                        if (Condition(key, parameters))
                        {
                            foreach (var (innerKey, innerValue) in Substitute(value, parameters)!.AsObject().ToList())
                            {
                                result[innerKey] = innerValue?.DeepClone();
                            }
                        }

                        continue;
                    }

                    result[key] = Substitute(value, parameters);
                }

                return result;
            case JsonArray list:
                return new JsonArray([.. list.Select(i => Substitute(i, parameters))]);
            case null:
                return null;
            default:
                var text = Scalar(node);
                var replaced = ParameterReference().Replace(text, m => parameters[m.Groups[1].Value]);
                if (replaced.Contains("${{", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("an expression the test expander does not know: " + replaced);
                }

                return replaced == text ? node.DeepClone() : JsonValue.Create(replaced);
        }
    }

    // Azure Pipelines compares strings ignoring case in eq, ne and startsWith.
    private static bool Condition(string key, Dictionary<string, string> parameters)
    {
        var match = IfExpression().Match(key);
        if (!match.Success)
        {
            throw new InvalidOperationException("an insertion the test expander does not know: " + key);
        }

        var value = parameters[match.Groups[2].Value];
        var literal = match.Groups[3].Value;
        return match.Groups[1].Value switch
        {
            "eq" => string.Equals(value, literal, StringComparison.OrdinalIgnoreCase),
            "ne" => !string.Equals(value, literal, StringComparison.OrdinalIgnoreCase),
            _ => value.StartsWith(literal, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string Scalar(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
        System.Text.Json.JsonValueKind.True => "True",
        System.Text.Json.JsonValueKind.False => "False",
        _ => Convert.ToString(node.ToJsonString(), CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\$\{\{\s*parameters\.(\w+)\s*\}\}")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\$\{\{\s*if\s+(eq|ne|startsWith)\(parameters\.(\w+),\s*'([^']*)'\)\s*\}\}$")]
    private static partial Regex IfExpression();
}
