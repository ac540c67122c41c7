namespace FundingArb.Trading.Economics;

// Invariant: NetQuote = FundingQuote − FeesQuote − SlippageQuote − BasisQuote exactly, at full precision and after
// RoundedTo. Basis is defined as the rest of the legs' PnL once slippage is taken out, so NetQuote is also the sum of
// the executors' net PnL (funding + trade PnL − fees); rounded, basis is again the rest of the rounded figures.

/// Where a run's PnL came from and how much of a hindsight oracle's PnL it captured (docs/trading.md, "Economics").
/// Money is in quote; funding is positive when received, fees, slippage and basis are positive when they cost.
public sealed record RunEconomics
{
    private RunEconomics(decimal fundingQuote, decimal feesQuote, decimal slippageQuote, decimal basisQuote, int roundTrips, decimal oracleQuote)
    {
        FundingQuote = fundingQuote;
        FeesQuote = feesQuote;
        SlippageQuote = slippageQuote;
        BasisQuote = basisQuote;
        NetQuote = fundingQuote - feesQuote - slippageQuote - basisQuote;
        RoundTrips = roundTrips;
        OracleQuote = oracleQuote;
    }

    public decimal FundingQuote { get; }

    public decimal FeesQuote { get; }

    /// The fills' cost against the mid when each order reached its venue.
    public decimal SlippageQuote { get; }

    /// The legs' PnL beyond slippage, as a cost: the two venues' prices moving apart between entry and exit, and the
    /// marks of legs still open.
    public decimal BasisQuote { get; }

    public decimal NetQuote { get; }

    /// Entries made: executors whose two legs both filled, whether they have closed since or are still open.
    public int RoundTrips { get; }

    /// Null while the run has received no net funding.
    public decimal? FeeToFundingRatio => FundingQuote > 0m ? FeesQuote / FundingQuote : null;

    /// HindsightOracle's value for the run: never negative.
    public decimal OracleQuote { get; }

    /// Null when the oracle is not positive: there was nothing to capture.
    public decimal? CaptureRatio => OracleQuote > 0m ? NetQuote / OracleQuote : null;

    public static RunEconomics Of(IEnumerable<PairEconomics> pairs, decimal oracleQuote)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfNegative(oracleQuote);
        decimal funding = 0m, fees = 0m, slippage = 0m, trade = 0m;
        var roundTrips = 0;
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            funding += pair.FundingQuote;
            fees += pair.FeesQuote;
            slippage += pair.SlippageQuote;
            trade += pair.TradePnlQuote;
            roundTrips += pair.Entered ? 1 : 0;
        }

        return new RunEconomics(funding, fees, slippage, -trade - slippage, roundTrips, oracleQuote);
    }

    /// The money figures rounded to the given places (midpoint to even), basis being the rest of the rounded figures so
    /// that the identity holds on what a report prints; the ratios follow the rounded figures.
    public RunEconomics RoundedTo(int decimals)
    {
        var funding = Round(FundingQuote, decimals);
        var fees = Round(FeesQuote, decimals);
        var slippage = Round(SlippageQuote, decimals);
        var net = Round(NetQuote, decimals);
        return new RunEconomics(funding, fees, slippage, funding - fees - slippage - net, RoundTrips, Round(OracleQuote, decimals));
    }

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.ToEven);
}
