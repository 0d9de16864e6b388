using MockGen.Ai.Prompts;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Prompts;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Commands;

/// <summary>
/// What <c>--prompt</c> names, tried in this order: an existing file (its name without extension is the prompt's
/// name); a prompt in the AI store's registry (<c>--ai-store</c> or the Azure store options) for the run's tenant (<c>name</c> is its active
/// version, the one governance approved or activated, never a text merely written to <c>prompts/{tenant}/{name}</c>;
/// <c>name@sha256:&lt;hex&gt;</c> one version); a built-in prompt. A file and its pushed copy have the same
/// version, so they share cassette entries.
/// </summary>
internal static class PromptReference
{
    /// <summary>Resolves the reference; null (with the problem added) when it names nothing usable.</summary>
    public static async Task<PromptTemplate?> ResolveAsync(string? reference, PromptTemplate builtIn, PipelineStore store, string storeOptions, string? tenant, List<string> problems, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return builtIn;
        }

        if (!PromptRegistry.IsPinned(reference) && File.Exists(reference))
        {
            try
            {
                return PromptTemplate.Parse(Path.GetFileNameWithoutExtension(reference), await File.ReadAllTextAsync(reference, cancellationToken).ConfigureAwait(false));
            }
            catch (FormatException e)
            {
                problems.Add("--prompt: " + reference + ": " + e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
                return null;
            }
        }

        try
        {
            var prompts = new MockGenPipeline(store, CoreEngine.Create(TimeProvider.System), TimeProvider.System).Prompts;
            if (await prompts.FindAsync(tenant, reference, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return PromptTemplate.From(stored);
            }
        }
        catch (PromptRegistryException e)
        {
            // A name that cannot be in a registry (a path with folders) is only a missing file.
            if (PromptRegistry.IsPinned(reference) || !reference.Contains('/', StringComparison.Ordinal))
            {
                problems.Add("--prompt: " + e.Message);
                return null;
            }
        }

        var builtIns = new[] { BuiltInPrompts.EnrichValues, BuiltInPrompts.ScenarioPayloads };
        if (builtIns.FirstOrDefault(b => b.Name == reference) is { } known)
        {
            return known;
        }

        problems.Add($"--prompt: '{reference}' is neither a file, nor a prompt in the registry of tenant {tenant ?? PromptRegistry.DefaultTenant} "
            + $"in {store.Description} (mockgen prompts list {storeOptions}), nor a built-in prompt ({string.Join(", ", builtIns.Select(b => b.Name))})");
        return null;
    }
}
