namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// The model's proposals for one named scenario of one target: candidate <c>i</c> becomes payload index <c>i</c>
/// (<see cref="GenerationOptions.FirstIndex"/> + i); an index without a candidate is generated deterministically.
/// </summary>
public sealed class ScenarioPayloads
{
    /// <summary>Creates the proposals.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public ScenarioPayloads(string targetId, string name, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyList<ScenarioCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(targetId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(candidates);
        TargetId = targetId;
        Name = name;
        Parameters = [.. parameters];
        Candidates = [.. candidates];
    }

    /// <summary>The target id.</summary>
    public string TargetId { get; }

    /// <summary>The scenario's name (in <c>meta.scenario.name</c> and in the payload's seed).</summary>
    public string Name { get; }

    /// <summary>The scenario's parameters, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The candidates by index.</summary>
    public IReadOnlyList<ScenarioCandidate> Candidates { get; }
}
