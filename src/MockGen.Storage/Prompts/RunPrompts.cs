using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Storage.Prompts;

/// <summary>
/// Pins the prompt templates a tenant profile names (<c>ai.prompt</c>, <c>ai.edgePrompt</c>) into a run when it is
/// created: <c>name</c> becomes its active version, <c>name@sha256:…</c>. The run's shards, its resumes and its
/// reproductions then read that exact text, whatever is approved or activated afterwards, and the run record says
/// which prompt made its data. Both hosts create runs through here (profile runs on activation, and <c>POST …/runs</c>).
/// </summary>
public static class RunPrompts
{
    /// <summary>The spec with its prompts pinned; unchanged when the profile's AI is off or names no prompt.</summary>
    /// <param name="spec">The spec <see cref="RunSpec.FromProfile"/> made.</param>
    /// <param name="ai">The profile's AI settings.</param>
    /// <param name="prompts">The tenant's prompt registry.</param>
    /// <param name="runIdGiven">Whether the caller chose the run id; if not, it is derived again, so another prompt version is another run.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="MockGenStorageException">Conflict: a named prompt has no active version, or the pinned one does not exist or was altered; the run must not start with another text.</exception>
    public static async Task<RunSpec> PinAsync(RunSpec spec, TenantAiSettings ai, PromptRegistry prompts, bool runIdGiven, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(ai);
        ArgumentNullException.ThrowIfNull(prompts);
        if (!ai.Enabled)
        {
            return spec;
        }

        var value = ai.Prompt is { } p && spec.Variants.Any(v => v != "edge") ? await PinAsync(spec.Tenant, "ai.prompt", p, prompts, cancellationToken).ConfigureAwait(false) : null;
        var edge = ai.EdgePrompt is { } e && spec.Variants.Contains("edge") ? await PinAsync(spec.Tenant, "ai.edgePrompt", e, prompts, cancellationToken).ConfigureAwait(false) : null;
        if (value is null && edge is null)
        {
            return spec;
        }

        var pinned = spec with { PromptVersion = value, EdgePromptVersion = edge };
        return runIdGiven ? pinned : pinned with { RunId = pinned.DerivedRunId() };
    }

    private static async Task<string> PinAsync(string tenant, string field, string reference, PromptRegistry prompts, CancellationToken cancellationToken)
    {
        // The registry's read, not the publisher's: a hand upload waiting in the slot is not approved, so it is not taken in here.
        try
        {
            var text = await prompts.GetAsync(tenant, reference, cancellationToken).ConfigureAwait(false);
            return text.Name + "@" + text.Version;
        }
        catch (PromptRegistryException e)
        {
            throw MockGenStorageException.Conflict("profile of tenant", tenant, field + " " + reference + " cannot start a run: " + e.Message);
        }
    }
}
