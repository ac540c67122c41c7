namespace FundingArb.Venues;

/// The price a venue multiplies into a funding payment: mark on most CEXs, oracle on Hyperliquid and dYdX.
public enum PriceBasis
{
    Mark,
    Index,
    Oracle,
}
