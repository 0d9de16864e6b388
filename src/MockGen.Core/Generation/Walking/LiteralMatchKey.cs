using System.Runtime.CompilerServices;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// A (schema, literal) pair compared by reference: the walker memoizes whether a cached enum/const literal
/// matches a schema, since both are fixed for the life of the compiled model.
/// </summary>
internal readonly struct LiteralMatchKey(SchemaNode schema, PayloadValue literal) : IEquatable<LiteralMatchKey>
{
    public SchemaNode Schema { get; } = schema;

    public PayloadValue Literal { get; } = literal;

    public bool Equals(LiteralMatchKey other) => ReferenceEquals(Schema, other.Schema) && ReferenceEquals(Literal, other.Literal);

    public override bool Equals(object? obj) => obj is LiteralMatchKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Schema), RuntimeHelpers.GetHashCode(Literal));
}
