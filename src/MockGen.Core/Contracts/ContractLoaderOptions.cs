using System.Globalization;

namespace MockGen.Core.Contracts;

/// <summary>
/// Settings for <see cref="ContractLoader"/>. They are validated, and copied, when the loader is built:
/// changing them afterwards changes nothing.
/// </summary>
public sealed class ContractLoaderOptions
{
    /// <summary>The default for <see cref="MaxFileBytes"/>: 32 MiB, about three times the largest public OpenAPI descriptions.</summary>
    public const long DefaultMaxFileBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The largest contract file accepted, in bytes (<c>32 MiB</c> by default). Larger files are refused
    /// before they are read, so a huge file costs no memory.
    /// </summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>
    /// The deepest nesting of objects and arrays accepted (<c>256</c> by default). Deeper documents get a
    /// "nesting too deep at line N" error instead of exhausting the stack of the tools that walk them.
    /// </summary>
    public int MaxDepth { get; set; } = 256;

    /// <summary>
    /// How many nodes YAML aliases may expand to in one file, in total (<c>250,000</c> by default).
    /// Alias bombs ("billion laughs") are refused when they cross it.
    /// </summary>
    public int MaxYamlAliasNodes { get; set; } = 250_000;

    /// <summary>How many files (the root included) one multi-file contract may have (<c>1,000</c> by default).</summary>
    public int MaxDocuments { get; set; } = 1_000;

    /// <summary>
    /// Remote URI prefixes mapped to local files or folders (empty by default). A <c>$ref</c> to
    /// <c>https://example.com/schemas/pet.json</c> with the mapping
    /// <c>https://example.com/schemas/</c> = <c>/work/schemas/</c> loads <c>/work/schemas/pet.json</c>.
    /// A prefix may also name one whole document and map it to one file. Without a mapping, remote
    /// references are refused: MockGen never fetches over the network. Relative local paths are
    /// resolved against the current directory when the loader is built.
    /// </summary>
    public IDictionary<string, string> UriMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Checks every setting and reports all problems in one message.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    internal ContractLoaderLimits Validate()
    {
        var problems = new List<string>();
        if (MaxFileBytes <= 0)
        {
            problems.Add($"MaxFileBytes must be positive (was {MaxFileBytes.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaxDepth is < 8 or > 10_000)
        {
            problems.Add($"MaxDepth must be between 8 and 10000 (was {MaxDepth.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaxYamlAliasNodes < 0)
        {
            problems.Add($"MaxYamlAliasNodes must not be negative (was {MaxYamlAliasNodes.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaxDocuments < 1)
        {
            problems.Add($"MaxDocuments must be at least 1 (was {MaxDocuments.ToString(CultureInfo.InvariantCulture)})");
        }

        foreach (var (prefix, target) in UriMappings)
        {
            if (!Uri.TryCreate(prefix, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"UriMappings key \"{prefix}\" must be an absolute http(s) URI");
            }

            if (string.IsNullOrWhiteSpace(target))
            {
                problems.Add($"UriMappings value for \"{prefix}\" must be a local path");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid ContractLoaderOptions: " + string.Join("; ", problems) + ".");
        }

        return new ContractLoaderLimits(MaxFileBytes, MaxDepth, MaxYamlAliasNodes, MaxDocuments);
    }
}
