using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MockGen.Ai.Scenarios;

/// <summary>
/// Reads the scenarios of a run. Two spellings, one meaning:
/// <list type="bullet">
/// <item>a matrix on the command line, <c>currency=EUR,JPY;status=pending,settled</c>: every combination is a
/// scenario, named by its values (<c>EUR-pending</c>, <c>EUR-settled</c>, <c>JPY-pending</c>, …), first dimension slowest;</item>
/// <item>a parameters file, <c>{"matrix": {"currency": ["EUR", "JPY"], …}, "scenarios": [{"name": "…", "parameters": {…}}]}</c>:
/// the matrix's combinations, then the named scenarios, in file order.</item>
/// </list>
/// Names and parameter names are checked here, so a typo fails before any model call, named by file and JSON Pointer.
/// </summary>
public static partial class ScenarioMatrix
{
    /// <summary>Most scenarios one run may have: a matrix multiplies fast, and each scenario is a model call.</summary>
    public const int MaxScenarios = 256;

    /// <summary>Parses the command-line matrix.</summary>
    /// <exception cref="FormatException">The text is not <c>name=v1,v2;name=v1</c> (the rule is named).</exception>
    public static IReadOnlyList<Scenario> Parse(string matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        const string Source = "--scenario-matrix";
        var dimensions = new List<(string Name, List<string> Values)>();
        foreach (var part in matrix.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{Source}: '{part}' is not name=value1,value2 (dimensions are separated by ';', values by ',')");
            }

            var name = part[..equals].Trim();
            var values = part[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            dimensions.Add((CheckName(Source, name), values.Count > 0 ? values : throw new FormatException($"{Source}: {name} has no values")));
        }

        if (dimensions.Count == 0)
        {
            throw new FormatException($"{Source}: no dimensions (write name=value1,value2;name=value1)");
        }

        return Checked(Source, Combine(Source, dimensions));
    }

    /// <summary>Reads a parameters file (JSON).</summary>
    /// <exception cref="FormatException">The file is not a parameters document (file, JSON Pointer and rule are named).</exception>
    public static IReadOnlyList<Scenario> ParseFile(string path, string json)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: line {(e.LineNumber ?? 0) + 1}: not JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: the document must be an object with \"matrix\" and/or \"scenarios\"");
            }

            var scenarios = new List<Scenario>();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("matrix" or "scenarios" or "$schema" or "description"))
                {
                    throw new FormatException($"{path}: /{property.Name}: unknown member (expected matrix, scenarios)");
                }
            }

            if (root.TryGetProperty("matrix", out var matrix))
            {
                if (matrix.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{path}: /matrix: must be an object of parameter name to an array of values");
                }

                var dimensions = new List<(string, List<string>)>();
                foreach (var dimension in matrix.EnumerateObject())
                {
                    var pointer = "/matrix/" + dimension.Name;
                    if (dimension.Value.ValueKind != JsonValueKind.Array || dimension.Value.GetArrayLength() == 0)
                    {
                        throw new FormatException($"{path}: {pointer}: must be a non-empty array of values");
                    }

                    dimensions.Add((CheckName(path + ": " + pointer, dimension.Name), [.. dimension.Value.EnumerateArray().Select((v, i) => Scalar(path, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), v))]));
                }

                if (dimensions.Count > 0)
                {
                    scenarios.AddRange(Combine(path + ": /matrix", dimensions));
                }
            }

            if (root.TryGetProperty("scenarios", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"{path}: /scenarios: must be an array of {{\"name\", \"parameters\"}}");
                }

                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var pointer = "/scenarios/" + i++.ToString(CultureInfo.InvariantCulture);
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
                    {
                        throw new FormatException($"{path}: {pointer}: a scenario is an object with a non-empty string \"name\"");
                    }

                    var parameters = new List<KeyValuePair<string, string>>();
                    if (item.TryGetProperty("parameters", out var values))
                    {
                        if (values.ValueKind != JsonValueKind.Object)
                        {
                            throw new FormatException($"{path}: {pointer}/parameters: must be an object of parameter name to value");
                        }

                        foreach (var value in values.EnumerateObject())
                        {
                            parameters.Add(new(CheckName($"{path}: {pointer}/parameters", value.Name), Scalar(path, pointer + "/parameters/" + value.Name, value.Value)));
                        }
                    }

                    scenarios.Add(new Scenario(CheckScenarioName($"{path}: {pointer}/name", name.GetString()!), parameters));
                }
            }

            return scenarios.Count == 0
                ? throw new FormatException($"{path}: no scenarios: give \"matrix\" (parameter name to values) or \"scenarios\" (named parameter sets)")
                : Checked(path, scenarios);
        }
    }

    private static List<Scenario> Combine(string source, List<(string Name, List<string> Values)> dimensions)
    {
        long total = 1;
        foreach (var (_, values) in dimensions)
        {
            total *= values.Count;
            if (total > MaxScenarios)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}: the matrix has more than {MaxScenarios} combinations (each is a model call); split it into several runs"));
            }
        }

        var scenarios = new List<Scenario>();
        var picks = new int[dimensions.Count];
        for (var n = 0; n < total; n++)
        {
            // Odometer order: the last dimension turns fastest, so scenarios read like the matrix was written.
            var rest = n;
            for (var d = dimensions.Count - 1; d >= 0; d--)
            {
                picks[d] = rest % dimensions[d].Values.Count;
                rest /= dimensions[d].Values.Count;
            }

            var parameters = dimensions.Select((dim, d) => new KeyValuePair<string, string>(dim.Name, dim.Values[picks[d]])).ToList();
            scenarios.Add(new Scenario(CheckScenarioName(source, string.Join('-', parameters.Select(p => p.Value))), parameters));
        }

        return scenarios;
    }

    private static List<Scenario> Checked(string source, List<Scenario> scenarios)
    {
        if (scenarios.Count > MaxScenarios)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}: {scenarios.Count} scenarios, more than {MaxScenarios} (each is a model call); split them into several runs"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            if (!seen.Add(scenario.Name))
            {
                throw new FormatException($"{source}: scenario '{scenario.Name}' is named twice; every scenario needs its own name");
            }
        }

        return scenarios;
    }

    private static string Scalar(string path, string pointer, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new FormatException($"{path}: {pointer}: a parameter value is a string, number or boolean"),
    };

    private static string CheckName(string source, string name) => ParameterName().IsMatch(name)
        ? name
        : throw new FormatException($"{source}: parameter name '{name}' must match [A-Za-z][A-Za-z0-9_.-]* (as {{{{name}}}} in the template)");

    private static string CheckScenarioName(string source, string name) => name.Length <= 128 && !name.Any(char.IsControl)
        ? name
        : throw new FormatException($"{source}: scenario name '{name}' must be at most 128 characters without control characters");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
