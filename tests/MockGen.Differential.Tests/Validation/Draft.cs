namespace MockGen.Differential.Tests.Validation;

/// <summary>The drafts both validators implement and the random schemas cover.</summary>
public enum Draft
{
    Draft7,
    Draft202012,
}
