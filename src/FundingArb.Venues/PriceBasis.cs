namespace FundingArb.Venues;

/// The price a venue multiplies into a funding payment: mark on most CEXs, oracle on Hyperliquid and dYdX (venues.md 0).
public enum PriceBasis
{
    Mark,
    Index,
    Oracle,
}
