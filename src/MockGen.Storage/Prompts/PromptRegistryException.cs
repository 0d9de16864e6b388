namespace MockGen.Storage.Prompts;

/// <summary>
/// Bad input to the prompt registry: an invalid tenant or name, a template that does not parse, a version that is
/// not stored, or a stored version whose bytes no longer hash to its name. Hosts translate it into exit code 2.
/// </summary>
public sealed class PromptRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PromptRegistryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PromptRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PromptRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static PromptRegistryException InvalidTenant(string tenant) =>
        new($"tenant '{tenant}' is not valid: 2-63 of a-z, 0-9 and '-', starting with a letter or digit");

    internal static PromptRegistryException InvalidName(string name) =>
        new($"prompt name '{name}' is not valid: 1-128 of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit");

    internal static PromptRegistryException InvalidVersion(string reference) =>
        new($"prompt '{reference}': a version is sha256: followed by 64 lowercase hex digits (as `mockgen prompts list` prints it)");

    internal static PromptRegistryException InvalidTemplate(string source, FormatException cause) =>
        new(source + ": not a prompt template: " + StripName(cause.Message), cause);

    /// <summary>True when the prompt or version named is not stored (an API answers 404), false for every other bad input (400).</summary>
    public bool IsNotFound { get; private init; }

    internal static PromptRegistryException NotFound(string tenant, string reference) =>
        new($"prompt '{reference}' is not in the registry of tenant '{tenant}' (list them with: mockgen prompts list --tenant {tenant})") { IsNotFound = true };

    internal static PromptRegistryException Tampered(string path, string version) =>
        new($"{path}: the stored bytes no longer hash to {version}; a prompt version is immutable, so this blob was changed outside MockGen");

    // PromptText's messages start with the template's own name; the registry names the file or blob instead.
    private static string StripName(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? message : message[(colon + 2)..];
    }
}
