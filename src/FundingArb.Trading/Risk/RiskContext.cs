namespace FundingArb.Trading.Risk;

/// The account as the risk gate sees it when the order arrives. PositionQuantity is the signed position on the
/// order's instrument (base units); DailyPnl is today's PnL in quote, negative for a loss.
public sealed record RiskContext(
    decimal AvailableMargin,
    decimal Equity,
    decimal PositionQuantity,
    int OpenPairs,
    decimal DailyPnl,
    bool KillSwitchEngaged);
