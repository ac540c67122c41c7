namespace FundingArb.Trading.Funding;

/// What a round trip of a funding pair is expected to cost, in quote, every figure positive when it costs: both
/// legs' entry and exit fees, the slippage of walking both books against their mids (entry at the expected role,
/// exit at market), and the premium the long leg pays over the short leg's venue at entry.
public readonly record struct RoundTripCosts(decimal EntryFees, decimal ExitFees, decimal Slippage, decimal Basis)
{
    public decimal Total => EntryFees + ExitFees + Slippage + Basis;
}
