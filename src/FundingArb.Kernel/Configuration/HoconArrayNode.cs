namespace FundingArb.Kernel.Configuration;

internal sealed class HoconArrayNode : HoconNode
{
    public HoconArrayNode(IReadOnlyList<HoconNode> elements, HoconOrigin origin)
        : base(origin)
    {
        Elements = elements;
    }

    public IReadOnlyList<HoconNode> Elements { get; }
}
