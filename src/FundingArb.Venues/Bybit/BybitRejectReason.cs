namespace FundingArb.Venues.Bybit;

/// Bybit's rejectReason values this system acts on.
public static class BybitRejectReason
{
    /// A post-only order that would have taken liquidity: accepted, then cancelled on the order stream with this reason.
    public const string PostOnlyWillTakeLiquidity = "EC_PostOnlyWillTakeLiquidity";

    public const string NoError = "EC_NoError";
}
