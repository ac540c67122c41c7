using FundingArb.Trading.Economics;

namespace FundingArb.Trading.Tests.Economics;

public sealed class RunEconomicsTests
{
    private static readonly PairEconomics[] s_pairs =
    [
        new(FundingQuote: 10m, FeesQuote: 3m, TradePnlQuote: -2m, SlippageQuote: 1.5m, Entered: true),
        new(FundingQuote: 0m, FeesQuote: 1m, TradePnlQuote: -0.5m, SlippageQuote: 0.25m, Entered: false),
    ];

    [Fact]
    public void Of_TwoPairs_SumsThemAndBasisIsTheTradePnlLeftAfterSlippage()
    {
        var economics = RunEconomics.Of(s_pairs, oracleQuote: 7m);

        Assert.Equal((10m, 4m, 1.75m, 0.75m, 1), (economics.FundingQuote, economics.FeesQuote, economics.SlippageQuote, economics.BasisQuote, economics.RoundTrips));
    }

    [Fact]
    public void Of_TwoPairs_NetIsTheSumOfTheExecutorsNetPnl()
    {
        var economics = RunEconomics.Of(s_pairs, oracleQuote: 7m);

        Assert.Equal(s_pairs.Sum(p => p.FundingQuote + p.TradePnlQuote - p.FeesQuote), economics.NetQuote);
        Assert.Equal(economics.FundingQuote - economics.FeesQuote - economics.SlippageQuote - economics.BasisQuote, economics.NetQuote);
    }

    [Fact]
    public void Ratios_PositiveFundingAndOracle_AreFeesOverFundingAndNetOverOracle()
    {
        var economics = RunEconomics.Of(s_pairs, oracleQuote: 7m);

        Assert.Equal((0.4m, 0.5m), (economics.FeeToFundingRatio, economics.CaptureRatio));
    }

    [Fact]
    public void CaptureRatio_OracleZero_IsNull()
    {
        var economics = RunEconomics.Of(s_pairs, oracleQuote: 0m);

        Assert.Null(economics.CaptureRatio);
    }

    [Fact]
    public void Of_NegativeOracle_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunEconomics.Of(s_pairs, oracleQuote: -1m));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2.5")]
    public void FeeToFundingRatio_NoNetFundingReceived_IsNull(string funding)
    {
        var pair = new PairEconomics(decimal.Parse(funding, System.Globalization.CultureInfo.InvariantCulture), 1m, 0m, 0m, Entered: true);

        var economics = RunEconomics.Of([pair], oracleQuote: 5m);

        Assert.Null(economics.FeeToFundingRatio);
    }

    [Fact]
    public void Of_NoPairs_IsAllZeroWithNullRatios()
    {
        var economics = RunEconomics.Of([], oracleQuote: 0m);

        Assert.Equal((0m, 0m, 0, null, null), (economics.NetQuote, economics.BasisQuote, economics.RoundTrips, economics.FeeToFundingRatio, economics.CaptureRatio));
    }

    [Fact]
    public void RoundedTo_HalvesThatRoundApart_KeepsTheIdentityThroughBasis()
    {
        // Funding and trade PnL of 0.000000005 each round to 0 at 8 places, their sum 0.00000001 does not.
        var economics = RunEconomics.Of([new PairEconomics(0.000000005m, 0m, 0.000000005m, 0m, Entered: true)], oracleQuote: 0.000000015m);

        var rounded = economics.RoundedTo(8);

        Assert.Equal((0m, 0.00000001m, -0.00000001m, 0.00000002m), (rounded.FundingQuote, rounded.NetQuote, rounded.BasisQuote, rounded.OracleQuote));
        Assert.Equal(rounded.FundingQuote - rounded.FeesQuote - rounded.SlippageQuote - rounded.BasisQuote, rounded.NetQuote);
    }
}
