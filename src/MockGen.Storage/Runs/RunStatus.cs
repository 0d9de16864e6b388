namespace MockGen.Storage.Runs;

/// <summary>A run's lifecycle.</summary>
public enum RunStatus
{
    /// <summary>Started (or interrupted: re-running the same id resumes it).</summary>
    Running,

    /// <summary>Every shard written and the manifest sealed.</summary>
    Completed,

    /// <summary>The manifest is sealed, but some targets could not be generated; the manifest lists why.</summary>
    CompletedWithErrors,

    /// <summary>The run stopped on an error; re-running it resumes.</summary>
    Failed,
}
