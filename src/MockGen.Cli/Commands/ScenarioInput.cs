using MockGen.Ai.Scenarios;

namespace MockGen.Cli.Commands;

/// <summary>Reads the scenarios of <c>--ai scenarios</c> from <c>--scenario-matrix</c> and/or <c>--scenarios</c>.</summary>
internal static class ScenarioInput
{
    /// <summary>The scenarios, matrix first, then the file's; problems are added (with the option, file and rule).</summary>
    public static IReadOnlyList<Scenario> Read(AiRequest ai, List<string> problems)
    {
        var scenarios = new List<Scenario>();
        if (ai.ScenarioMatrix is null && ai.ScenarioFile is null)
        {
            problems.Add("--ai scenarios: name the scenarios with --scenario-matrix 'currency=EUR,JPY;status=pending,settled' or --scenarios <file.json>");
            return scenarios;
        }

        if (ai.ScenarioMatrix is { } matrix)
        {
            try
            {
                scenarios.AddRange(ScenarioMatrix.Parse(matrix));
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        if (ai.ScenarioFile is { } file)
        {
            if (!File.Exists(file))
            {
                problems.Add($"--scenarios: {file}: file not found");
            }
            else
            {
                try
                {
                    scenarios.AddRange(ScenarioMatrix.ParseFile(file, File.ReadAllText(file)));
                }
                catch (FormatException e)
                {
                    problems.Add("--scenarios: " + e.Message);
                }
            }
        }

        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add($"--scenarios: scenario '{duplicate.Key}' comes from both --scenario-matrix and the file; rename one");
        }

        return scenarios;
    }

    /// <summary>No scenarios: the options that only the scenarios mode reads are refused rather than ignored.</summary>
    public static IReadOnlyList<Scenario> None(AiRequest ai, List<string> problems)
    {
        if (ai.ScenarioMatrix is not null || ai.ScenarioFile is not null)
        {
            problems.Add($"--scenario-matrix/--scenarios: only with --ai scenarios (this run is --ai {ai.Kind})");
        }

        return [];
    }
}
