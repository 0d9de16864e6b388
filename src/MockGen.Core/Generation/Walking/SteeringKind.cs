namespace MockGen.Core.Generation.Walking;

/// <summary>The kinds of choice the coverage variant can force on a walk (<see cref="WalkSteering"/>).</summary>
internal enum SteeringKind
{
    /// <summary>Take branch <c>Value</c> of the node's <c>oneOf</c> or <c>anyOf</c> (the keyword is the name).</summary>
    Branch,

    /// <summary>Take the node's <c>then</c> (1) or <c>else</c> (0).</summary>
    Condition,

    /// <summary>Use entry <c>Value</c> of the node's resolved discriminator mapping.</summary>
    Discriminator,

    /// <summary>Take value <c>Value</c> of the node's <c>enum</c>.</summary>
    Enum,

    /// <summary>Include (1) or leave out (0) the optional property named by the choice, declared by the node.</summary>
    Include,

    /// <summary>Arrays under the node have exactly <c>Value</c> items.</summary>
    Length,

    /// <summary>Arrays under the node have at least <c>Value</c> items (a route to their item schemas).</summary>
    LengthAtLeast,

    /// <summary>Objects under the node carry at least one entry beyond their declared properties.</summary>
    Entries,

    /// <summary>Numbers under the node sit at their lowest (0) or highest (1) valid value.</summary>
    Number,

    /// <summary>Strings under the node are exactly <c>Value</c> characters long.</summary>
    StringLength,
}
