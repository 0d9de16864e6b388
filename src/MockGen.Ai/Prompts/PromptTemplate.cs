using MockGen.Ai.Gateway;
using MockGen.Storage.Prompts;

namespace MockGen.Ai.Prompts;

/// <summary>
/// A versioned prompt template, ready to render for the model: the parsed <see cref="PromptText"/> (a system part, a
/// line <c>---</c>, a user part, with named parameters written <c>{{name}}</c>). Its version is <c>sha256:</c> over the
/// UTF-8 text with LF line endings, so the same text has the same version on every machine, and changing one character
/// changes every cassette key that uses it.
/// </summary>
public sealed class PromptTemplate
{
    private readonly PromptText _text;

    private PromptTemplate(PromptText text) => _text = text;

    /// <summary>The template's name (a file name without extension, or a registry name).</summary>
    public string Name => _text.Name;

    /// <summary>The normalized text.</summary>
    public string Text => _text.Text;

    /// <summary>The <c>sha256:</c> version.</summary>
    public string Version => _text.Version;

    /// <summary>The parameter names the template uses, in first-use order.</summary>
    public IReadOnlyList<string> Parameters => _text.Parameters;

    /// <summary>Parses a template.</summary>
    /// <exception cref="FormatException">The text has no <c>---</c> line between the system and the user part, or an empty part (named by <paramref name="name"/>).</exception>
    public static PromptTemplate Parse(string name, string text) => new(PromptText.Parse(name, text));

    /// <summary>The template of a text the registry returned (already parsed and checked).</summary>
    public static PromptTemplate From(PromptText text) => new(text ?? throw new ArgumentNullException(nameof(text)));

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

        string Fill(string part) => PromptText.ParameterPattern().Replace(part, m => parameters[m.Groups[1].Value]);
        return [new ModelMessage("system", Fill(_text.System)), new ModelMessage("user", Fill(_text.User))];
    }
}
