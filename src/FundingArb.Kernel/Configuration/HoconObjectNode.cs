namespace FundingArb.Kernel.Configuration;

internal sealed class HoconObjectNode : HoconNode
{
    public HoconObjectNode(HoconOrigin origin)
        : base(origin)
    {
    }

    public HoconFieldTable Fields { get; } = new();

    /// Adds <c>a.b.c = node</c> as <c>a { b { c = node } }</c>, so that it merges like any other field.
    public void Add(IReadOnlyList<string> path, HoconNode node, HoconOrigin keyOrigin)
    {
        for (var i = path.Count - 1; i > 0; i--)
        {
            var wrapper = new HoconObjectNode(keyOrigin);
            wrapper.Fields.Add(path[i], node);
            node = wrapper;
        }

        Fields.Add(path[0], node);
    }
}
