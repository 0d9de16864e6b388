using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// The reference targets followed from the root to a value, newest first: an immutable chain that a child extends
/// by one link per reference, where copying the whole path into a new array at every reference was a measurable
/// share of generation's time (issue 9). Only membership is ever asked.
/// </summary>
internal sealed class ReferenceChain
{
    private readonly SchemaNode _target;
    private readonly ReferenceChain? _rest;

    private ReferenceChain(SchemaNode target, ReferenceChain? rest)
    {
        _target = target;
        _rest = rest;
    }

    /// <summary><paramref name="chain"/> followed by <paramref name="targets"/>.</summary>
    public static ReferenceChain? Extend(ReferenceChain? chain, List<SchemaNode> targets)
    {
        foreach (var target in targets)
        {
            chain = new ReferenceChain(target, chain);
        }

        return chain;
    }

    /// <summary>Whether <paramref name="target"/> is on <paramref name="chain"/> (by reference).</summary>
    public static bool Contains(ReferenceChain? chain, SchemaNode target)
    {
        for (var link = chain; link is not null; link = link._rest)
        {
            if (ReferenceEquals(link._target, target))
            {
                return true;
            }
        }

        return false;
    }
}
