namespace FundingArb.Trading.Positions;

/// An executor's PnL in quote. NetPnlFraction is of the entry notional (0.008 = 0.8 %).
public readonly record struct PnlFigures(decimal TradePnl, decimal Fees, decimal NetPnl, decimal NetPnlFraction);
