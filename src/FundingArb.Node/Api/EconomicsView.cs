using System.Collections.Immutable;
using FundingArb.Trading.Economics;

namespace FundingArb.Node.Api;

/// RunEconomics as the API and the dashboard show it (`economics`, the scenario report's block, at full precision).
/// UncoveredVenues: the connector venues, whose order histories and funding settlements the node cannot read yet, so
/// that the slippage, the oracle and the capture ratio cover the simulated venues only.
public sealed record EconomicsView(decimal FundingQuote, decimal FeesQuote, decimal SlippageQuote, decimal BasisQuote, decimal NetQuote, int RoundTrips,
    decimal? FeeToFundingRatio, decimal OracleQuote, decimal? CaptureRatio, ImmutableArray<string> UncoveredVenues)
{
    public static EconomicsView Of(RunEconomics economics, ImmutableArray<string> uncoveredVenues)
    {
        ArgumentNullException.ThrowIfNull(economics);
        return new EconomicsView(economics.FundingQuote, economics.FeesQuote, economics.SlippageQuote, economics.BasisQuote, economics.NetQuote,
            economics.RoundTrips, economics.FeeToFundingRatio, economics.OracleQuote, economics.CaptureRatio, uncoveredVenues);
    }
}
