using FundingArb.Trading.Economics;

namespace FundingArb.Node.Api;

/// RunEconomics as the API and the dashboard show it (`economics`, the scenario report's block, at full precision).
public sealed record EconomicsView(decimal FundingQuote, decimal FeesQuote, decimal SlippageQuote, decimal BasisQuote, decimal NetQuote, int RoundTrips,
    decimal? FeeToFundingRatio, decimal OracleQuote, decimal? CaptureRatio)
{
    public static EconomicsView Of(RunEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(economics);
        return new EconomicsView(economics.FundingQuote, economics.FeesQuote, economics.SlippageQuote, economics.BasisQuote, economics.NetQuote,
            economics.RoundTrips, economics.FeeToFundingRatio, economics.OracleQuote, economics.CaptureRatio);
    }
}
