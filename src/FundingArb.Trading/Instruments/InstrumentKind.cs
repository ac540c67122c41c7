namespace FundingArb.Trading.Instruments;

/// What a market settles as. Funding is paid only on perpetuals, so only they can be a funding-arb leg.
public enum InstrumentKind
{
    Perpetual,

    /// A dated future: no funding, and it expires.
    Future,
}
