namespace MockGen.Ai.Scenarios;

/// <summary>One named scenario of a test matrix: its parameters fill the prompt template's <c>{{name}}</c> slots.</summary>
/// <param name="Name">The scenario's name (<c>meta.scenario.name</c>); unique in a run.</param>
/// <param name="Parameters">Its parameters, in the order given.</param>
public sealed record Scenario(string Name, IReadOnlyList<KeyValuePair<string, string>> Parameters);
