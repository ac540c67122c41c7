namespace FundingArb.Kernel.Configuration;

/// A parsed, not yet resolved value. Nodes are compared by identity: the resolver memoizes per node and
/// recognises a self-reference by finding the node it is resolving in a field's merge stack.
internal abstract class HoconNode
{
    protected HoconNode(HoconOrigin origin)
    {
        Origin = origin;
    }

    public HoconOrigin Origin { get; }
}
