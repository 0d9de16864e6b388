namespace MockGen.Ai.Cassettes;

/// <summary>Replay mode met a request with no recorded answer: the run cannot stay offline and reproducible.</summary>
public sealed class CassetteMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CassetteMissingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CassetteMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public CassetteMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The missing key, or null.</summary>
    public string? Key { get; private init; }

    /// <summary>The store path the entry was looked for at, or null.</summary>
    public string? Path { get; private init; }

    internal static CassetteMissingException For(string path, string key, string promptId, string deployment) =>
        new(path + ": no cassette entry for prompt '" + promptId + "' on deployment '" + deployment + "' (key " + key + "); "
            + "replay mode never calls the model. Record it once with --ai-mode record --ai-endpoint <https://…openai.azure.com> "
            + "--ai-deployment " + deployment + " (key in AZURE_OPENAI_API_KEY, or an Entra ID login), then commit the cassette.")
        {
            Key = key,
            Path = path,
        };
}
