using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace MockGen.Core.Tests.Suite;

/// <summary>Reads suite files into cases; files are parsed once per test run (read-only cache).</summary>
internal static class SuiteLoader
{
    public static readonly string[] Drafts = ["draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"];

    private static readonly ConcurrentDictionary<string, List<SuiteCase>> Files = new(StringComparer.Ordinal);

    /// <summary>Relative file names (e.g. <c>ref.json</c>, <c>optional/format/email.json</c>) of a draft.</summary>
    public static IEnumerable<string> FileNames(string draft, bool optional)
    {
        var folder = SuiteLocator.TestsFolder(draft);
        var root = optional ? Path.Combine(folder, "optional") : folder;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var files = optional
            ? Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            : Directory.EnumerateFiles(root, "*.json", SearchOption.TopDirectoryOnly);
        return files.Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
    }

    public static List<SuiteCase> Load(string draft, string file) => Files.GetOrAdd(draft + "/" + file, _ =>
    {
        var path = Path.Combine(SuiteLocator.TestsFolder(draft), file);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new List<SuiteCase>();
        var gi = 0;
        foreach (var group in doc.RootElement.EnumerateArray())
        {
            var ti = 0;
            var schema = group.GetProperty("schema").Clone();
            var groupName = group.GetProperty("description").GetString()!;
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                cases.Add(new SuiteCase(draft, file, gi, groupName, ti, test.GetProperty("description").GetString()!, schema, test.GetProperty("data").Clone(), test.GetProperty("valid").GetBoolean()));
                ti++;
            }

            gi++;
        }

        return cases;
    });

    public static SuiteCase Find(string draft, string file, string group, string test)
    {
        var gi = int.Parse(group[..group.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var ti = int.Parse(test[..test.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        return Load(draft, file).Single(c => c.GroupIndex == gi && c.TestIndex == ti);
    }

    /// <summary>Theory rows: draft, file, "index: group description", "index: test description".</summary>
    public static IEnumerable<object[]> Rows(bool optional)
    {
        var count = 0;
        foreach (var draft in Drafts)
        {
            foreach (var file in FileNames(draft, optional))
            {
                foreach (var c in Load(draft, file))
                {
                    count++;
                    yield return [draft, file, $"{c.GroupIndex}: {c.Group}", $"{c.TestIndex}: {c.Test}"];
                }
            }
        }

        if (count == 0)
        {
            throw new InvalidOperationException("The JSON Schema Test Suite yielded no cases: the run must not pass on an empty suite.");
        }
    }
}
