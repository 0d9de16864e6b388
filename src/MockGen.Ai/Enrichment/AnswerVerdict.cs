namespace MockGen.Ai.Enrichment;

/// <summary>What the engine made of one model answer.</summary>
public enum AnswerVerdict
{
    /// <summary>Every value satisfied its field and the guard: kept as is.</summary>
    Accepted,

    /// <summary>Usable, but some values failed their field (length, type, missing) or were masked: those were dropped or masked and the field regenerates deterministically where its pool is empty.</summary>
    Repaired,

    /// <summary>Unusable (truncated, filtered, refused, not JSON, failed, or PII under the reject policy): the fields generate deterministically.</summary>
    Rejected,

    /// <summary>Not asked: the token budget was spent or the circuit was open.</summary>
    Skipped,
}
