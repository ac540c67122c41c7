namespace FundingArb.Venues.Simulation;

/// What a venue does with a post-only order that would take liquidity.
public enum PostOnlyStyle
{
    /// Refused at once with PostOnlyWouldCross and never recorded (Binance -5022, Hyperliquid BadAloPx, dYdX).
    RejectOnSubmit,

    /// Accepted, then cancelled with reason PostOnlyWouldCross on the stream (Bybit EC_PostOnlyWillTakeLiquidity, OKX cancelSource 31).
    CancelAfterAccept,
}
