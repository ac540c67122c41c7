namespace FundingArb.Trading.Analytics;

/// Statistics over closed trades, in quote. WinRate is a fraction; AverageLoss and GrossLoss are negative;
/// ProfitFactor and FundingToFees are null where their divisor is zero.
public sealed record TradeStatistics(
    int TradeCount,
    int Wins,
    int Losses,
    decimal WinRate,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal NetPnl,
    decimal? ProfitFactor,
    decimal AverageWin,
    decimal AverageLoss,
    decimal FundingCollected,
    decimal FeesPaid,
    decimal? FundingToFees);
