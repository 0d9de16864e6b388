namespace MockGen.Differential.Tests.Validation;

/// <summary>One differential case: a schema of a draft and an instance, as JSON text (what a shrunk failure prints).</summary>
public sealed record DifferentialCase(Draft Draft, string Schema, string Instance)
{
    public override string ToString() => $"{Draft}: schema {Schema} instance {Instance}";
}
