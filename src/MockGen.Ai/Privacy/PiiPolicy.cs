namespace MockGen.Ai.Privacy;

/// <summary>What the guard does with an answer value that carries personal data.</summary>
public enum PiiPolicy
{
    /// <summary>Replace each finding with a synthetic equivalent of the same kind (the default).</summary>
    Mask,

    /// <summary>Reject the whole answer: the target's fields then generate deterministically.</summary>
    Reject,
}
