namespace MockGen.Cli.Pull;

/// <summary>The pull ran but could not finish (a run not sealed, a server error, a shard that never verified): exit 1.</summary>
internal sealed class PullFailedException : Exception
{
    public PullFailedException()
    {
    }

    public PullFailedException(string message)
        : base(message)
    {
    }

    public PullFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
