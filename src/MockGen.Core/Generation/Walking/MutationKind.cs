namespace MockGen.Core.Generation.Walking;

/// <summary>A way to break exactly one constraint of a valid payload, for the negative variant.</summary>
internal enum MutationKind
{
    WrongType,
    AboveMaximum,
    BelowMinimum,
    NotMultiple,
    TooLong,
    TooShort,
    PatternMismatch,
    NotInEnum,
    MissingRequired,
    ExtraProperty,
    TooManyItems,
    TooFewItems,
    TooManyProperties,
    DuplicateItem,

    /// <summary>A value deciding a oneOf/anyOf differently: matching no branch, or two branches of a oneOf.</summary>
    BreakChoice,
}
