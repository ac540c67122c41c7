namespace FundingArb.Trading.Economics;

/// What one pair executor earned and paid, in quote: funding (positive received), fees (positive paid), the legs'
/// trade PnL (realized plus unrealized at the last mark), its fills' slippage against their arrival mid (positive
/// cost), and whether it entered (both legs filled).
public sealed record PairEconomics(decimal FundingQuote, decimal FeesQuote, decimal TradePnlQuote, decimal SlippageQuote, bool Entered);
