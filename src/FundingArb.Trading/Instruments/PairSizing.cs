namespace FundingArb.Trading.Instruments;

/// One base size for both legs of a pair. When Rejection is set, BaseSize and the notionals are zero.
public sealed record PairSizing(
    decimal BaseSize,
    decimal LongNotional,
    decimal ShortNotional,
    decimal CommonStep,
    SizingRejection? Rejection)
{
    public bool IsValid => Rejection is null;
}
