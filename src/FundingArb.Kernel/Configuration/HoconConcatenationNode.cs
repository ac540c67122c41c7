namespace FundingArb.Kernel.Configuration;

/// Values written next to each other on one line. Whitespace[i] is what stood before Parts[i]
/// (Whitespace[0] is empty); it is kept in string concatenation and ignored between objects or arrays.
internal sealed class HoconConcatenationNode : HoconNode
{
    public HoconConcatenationNode(IReadOnlyList<HoconNode> parts, IReadOnlyList<string> whitespace, HoconOrigin origin)
        : base(origin)
    {
        Parts = parts;
        Whitespace = whitespace;
    }

    public IReadOnlyList<HoconNode> Parts { get; }

    public IReadOnlyList<string> Whitespace { get; }
}
