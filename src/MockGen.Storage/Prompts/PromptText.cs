using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MockGen.Storage.Prompts;

/// <summary>
/// The stored form of a prompt template: a system part, a line <c>---</c>, a user part, with named parameters written
/// <c>{{name}}</c>. Its version is <c>sha256:</c> over the UTF-8 text with LF line endings, so the same text has the
/// same version on every machine. It lives in Storage because the registry checks and versions every upload, whoever
/// sends it (the API, the CLI, a blob tool); MockGen.Ai's <c>PromptTemplate</c> renders it for the model.
/// </summary>
public sealed partial class PromptText
{
    private const string Separator = "---";

    private PromptText(string name, string text, string system, string user)
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

    /// <summary>The normalized text (LF line endings): exactly the bytes that are hashed.</summary>
    public string Text { get; }

    /// <summary>The <c>sha256:</c> version.</summary>
    public string Version { get; }

    /// <summary>The parameter names the template uses, in first-use order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The system part (before <c>---</c>), trimmed.</summary>
    public string System { get; }

    /// <summary>The user part (after <c>---</c>), trimmed.</summary>
    public string User { get; }

    /// <summary>The pattern of a <c>{{name}}</c> parameter (group 1 is the name).</summary>
    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9_.-]*)\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex ParameterPattern();

    /// <summary>Parses a template.</summary>
    /// <exception cref="FormatException">The text has no <c>---</c> line between the system and the user part, or an empty part (named by <paramref name="name"/>).</exception>
    public static PromptText Parse(string name, string text)
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

        return new PromptText(name, normalized, system, user);
    }
}
