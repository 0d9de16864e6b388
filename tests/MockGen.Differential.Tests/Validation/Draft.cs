namespace MockGen.Differential.Tests.Validation;

/// <summary>
/// The drafts both validators implement and the random schemas cover. Draft-04 is not here: JsonSchema.Net 8.0.5
/// has no draft-04 dialect, and the mirror's other validators are either paid/AGPL or draft-04 readers of their own
/// kind (NJsonSchema) that the suite shows disagreeing with draft-04 on purpose, so draft-04 rests on the suite alone.
/// </summary>
public enum Draft
{
    Draft6,
    Draft7,
    Draft202012,
}
