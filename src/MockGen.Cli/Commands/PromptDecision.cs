namespace MockGen.Cli.Commands;

/// <summary>The governance subcommands of <c>mockgen prompts</c>.</summary>
internal enum PromptDecision
{
    /// <summary><c>prompts approve</c>: a pending version becomes active.</summary>
    Approve,

    /// <summary><c>prompts reject</c>: a pending version never becomes active.</summary>
    Reject,

    /// <summary><c>prompts activate</c>: an approved version becomes active again (rollback).</summary>
    Activate,
}
