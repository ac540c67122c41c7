namespace FundingArb.Actors.Orders;

/// How an order actor works its leg (Hummingbot's order executor strategies).
public enum ExecutionMode
{
    /// Take the quantity at market.
    MarketOnly,

    /// Rest post-only at the touch until filled or cancelled by the parent.
    LimitOnly,

    /// Rest post-only at the touch; after the limit timeout cancel and take the remainder at market.
    LimitWithFallback,

    /// Market when the touch holds the whole quantity, otherwise limit with fallback.
    Adaptive,

    /// Rest post-only at the touch and follow it: when the touch moves beyond the threshold, cancel and re-place.
    LimitChaser,
}
