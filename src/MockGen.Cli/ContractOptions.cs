using System.CommandLine;
using System.Globalization;
using MockGen.Core.Contracts;

namespace MockGen.Cli;

/// <summary>The options every command that loads contracts shares: <c>--map</c> and <c>--max-contract-size</c>.</summary>
internal sealed class ContractOptions
{
    public ContractOptions()
    {
        Map = new Option<string[]>("--map")
        {
            Description = "Serve a remote $ref URI prefix from a local file or folder: <uri-prefix>=<path>. Repeatable. "
                + "MockGen never fetches over the network; unmapped http(s) refs are an error.",
            HelpName = "prefix=path",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        MaxContractSize = new Option<int>("--max-contract-size")
        {
            Description = "Largest contract file accepted, in MiB.",
            HelpName = "MiB",
            DefaultValueFactory = _ => (int)(ContractLoaderOptions.DefaultMaxFileBytes / (1024 * 1024)),
        };
    }

    public Option<string[]> Map { get; }

    public Option<int> MaxContractSize { get; }

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Map);
        command.Options.Add(MaxContractSize);
    }

    /// <summary>Builds loader options from the parsed values.</summary>
    /// <exception cref="CliException">A <c>--map</c> value is malformed or the size is not positive.</exception>
    public ContractLoaderOptions ToLoaderOptions(ParseResult parseResult)
    {
        var size = parseResult.GetValue(MaxContractSize);
        if (size <= 0)
        {
            throw new CliException($"--max-contract-size {size.ToString(CultureInfo.InvariantCulture)}: must be a positive number of MiB");
        }

        var options = new ContractLoaderOptions { MaxFileBytes = size * 1024L * 1024L };
        foreach (var value in parseResult.GetValue(Map) ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == value.Length - 1)
            {
                throw CliException.InvalidMapping(value);
            }

            var prefix = value[..equals];
            if (!Uri.TryCreate(prefix, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw CliException.InvalidMappingUri(prefix);
            }

            options.UriMappings[prefix] = Path.GetFullPath(value[(equals + 1)..]);
        }

        return options;
    }
}
