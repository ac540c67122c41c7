namespace FundingArb.Kernel.Configuration;

/// A scalar written in the document (or folded from a concatenation of scalars): already final.
internal sealed class HoconLiteralNode : HoconNode
{
    public HoconLiteralNode(HoconValue value)
        : base(value.Origin)
    {
        Value = value;
    }

    public HoconValue Value { get; }
}
