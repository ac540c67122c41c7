namespace FundingArb.Trading.Liquidity;

/// Expected (from the book) against actual (from the fills) slippage versus the reference price, in quote
/// and basis points. Positive is a cost; Excess is actual minus expected.
public readonly record struct SlippageReport(
    decimal Quantity,
    decimal ReferencePrice,
    decimal ExpectedPrice,
    decimal ActualPrice,
    decimal ExpectedQuote,
    decimal ActualQuote,
    decimal ExpectedBps,
    decimal ActualBps,
    ExecutionQuality Quality)
{
    public decimal ExcessQuote => ActualQuote - ExpectedQuote;

    public decimal ExcessBps => ActualBps - ExpectedBps;
}
