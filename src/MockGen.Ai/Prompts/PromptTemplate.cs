using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Prompts;

/// <summary>
/// A versioned prompt template: a system part, a line <c>---</c>, a user part, with named parameters written
/// <c>{{name}}</c>. Its version is <c>sha256:</c> over the UTF-8 text with LF line endings, so the same text has
/// the same version on every machine, and changing one character changes every cassette key that uses it.
/// </summary>
public sealed partial class PromptTemplate
{
    private const string Separator = "---";

    private PromptTemplate(string name, string text, string system, string user)
    {
        Name = name;
        Text = text;
        System = system;
        User = user;
        Version = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Parameters = [.. ParameterPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The template's name (a file name without extension, or a registry name).</summary>
    public string Name { get; }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>The <c>sha256:</c> version.</summary>
    public string Version { get; }

    /// <summary>The parameter names the template uses, in first-use order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    private string System { get; }

    private string User { get; }

    /// <summary>Parses a template.</summary>
    /// <exception cref="FormatException">The text has no <c>---</c> line between the system and the user part, or an empty part (named by <paramref name="name"/>).</exception>
    public static PromptTemplate Parse(string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalized.Split('\n');
        var split = Array.FindIndex(lines, l => l.TrimEnd() == Separator);
        if (split < 0)
        {
            throw new FormatException(name + ": a prompt template needs a line '---' between the system part and the user part");
        }

        var system = string.Join('\n', lines[..split]).Trim();
        var user = string.Join('\n', lines[(split + 1)..]).Trim();
        if (system.Length == 0 || user.Length == 0)
        {
            throw new FormatException(name + ": both the system part (before '---') and the user part (after it) must have text");
        }

        return new PromptTemplate(name, normalized, system, user);
    }

    /// <summary>Renders the messages with named parameters.</summary>
    /// <exception cref="FormatException">A parameter the template uses is not given (all missing ones are named).</exception>
    public IReadOnlyList<ModelMessage> Render(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var missing = Parameters.Where(p => !parameters.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException(Name + ": parameter" + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing.Select(m => "{{" + m + "}}")) + " not given");
        }

        string Fill(string part) => ParameterPattern().Replace(part, m => parameters[m.Groups[1].Value]);
        return [new ModelMessage("system", Fill(System)), new ModelMessage("user", Fill(User))];
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9_.-]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
