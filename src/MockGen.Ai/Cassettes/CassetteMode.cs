namespace MockGen.Ai.Cassettes;

/// <summary>How model exchanges meet the cassette.</summary>
public enum CassetteMode
{
    /// <summary>The CI default: answers come only from the cassette, never the network; a missing entry is an error.</summary>
    Replay,

    /// <summary>Recorded entries are reused; missing ones (and recorded failures) are called live and stored.</summary>
    Record,

    /// <summary>Every exchange is called live and nothing is stored (the datasets are then not reproducible).</summary>
    Live,
}
