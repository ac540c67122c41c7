using System.Text.Json;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Tests;

public sealed class ScenarioEconomicsTests
{
    [Fact]
    public void Economics_OpenPairOnFlatPrices_SlippageIsTheHalfSpreadPaidAndBasisIsZero()
    {
        var result = ScenarioSimulation.Run(TwoVenueScenario.Create());

        // 0.099 BTC bought at 60,003 against a 60,000 mid on alpha (0.297) and sold at 60,006.9 against 60,010 on beta
        // (half a basis point below, rounded down to the tick: 0.3069); the marks have not moved, so the legs' PnL is
        // exactly the slippage.
        Assert.Equal((0.6039m, 0m, 1), (result.Economics.SlippageQuote, result.Economics.BasisQuote, result.Economics.RoundTrips));
    }

    [Fact]
    public void Economics_PairThatExited_NetIsTheExecutorsNetPnlAndFundingLessFeesSlippageAndBasis()
    {
        var result = ScenarioSimulation.Run(TwoVenueScenario.Create(betaFunding: ", { at = 4h, rate = -0.0002 }", strategy: "cooldown = 1d"));

        var economics = result.Economics;
        Assert.Equal(CloseType.StopLoss, Assert.Single(result.Executors).CloseType);
        Assert.Equal(result.Executors.Sum(e => e.NetPnlQuote), economics.NetQuote);
        Assert.Equal(economics.FundingQuote - economics.FeesQuote - economics.SlippageQuote - economics.BasisQuote, economics.NetQuote);
        Assert.Equal((result.Executors.Sum(e => e.FundingQuote), result.Executors.Sum(e => e.FeesQuote)), (economics.FundingQuote, economics.FeesQuote));
    }

    [Fact]
    public void Economics_BetaPayingMore_OracleHoldsLongAlphaShortBetaFromTheFirstSettlement()
    {
        var result = ScenarioSimulation.Run(TwoVenueScenario.Create(betaRate: 0.0002m));

        // 6,000 × (12 hourly beta settlements × 0.0002 − alpha's 8 h settlement of 0.0001), less a taker round trip of
        // 5 bps on both legs (2 × 6,000 × 0.001).
        Assert.Equal(1.8m, result.Economics.OracleQuote);
        Assert.Equal(result.Economics.NetQuote / 1.8m, result.Economics.CaptureRatio);
    }

    [Fact]
    public void Report_Economics_FollowsPerformanceAndNetIsFundingLessFeesSlippageAndBasis_CaptureIsNetOverOracle()
    {
        var report = ScenarioReport.ToJson(ScenarioSimulation.Run(TwoVenueScenario.Create(betaRate: 0.0002m)));

        using var json = JsonDocument.Parse(report);
        var fields = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(fields.IndexOf("performance") + 1, fields.IndexOf("economics"));
        var economics = json.RootElement.GetProperty("economics");
        Assert.Equal(
            ["funding_quote", "fees_quote", "slippage_quote", "basis_quote", "net_quote", "round_trips", "fee_to_funding_ratio", "oracle_quote", "capture_ratio"],
            economics.EnumerateObject().Select(p => p.Name));
        decimal Figure(string name) => economics.GetProperty(name).GetDecimal();
        Assert.Equal(Figure("funding_quote") - Figure("fees_quote") - Figure("slippage_quote") - Figure("basis_quote"), Figure("net_quote"));
        Assert.Equal(Math.Round(Figure("net_quote") / Figure("oracle_quote"), 8, MidpointRounding.ToEven), Figure("capture_ratio"));
        Assert.Equal(Math.Round(Figure("fees_quote") / Figure("funding_quote"), 8, MidpointRounding.ToEven), Figure("fee_to_funding_ratio"));
    }

    [Fact]
    public void Report_OracleBelowTheRoundTripFees_WritesOracleZeroAndCaptureNull()
    {
        var report = ScenarioReport.ToJson(ScenarioSimulation.Run(TwoVenueScenario.Create()));

        using var json = JsonDocument.Parse(report);
        var economics = json.RootElement.GetProperty("economics");
        Assert.Equal((0m, JsonValueKind.Null), (economics.GetProperty("oracle_quote").GetDecimal(), economics.GetProperty("capture_ratio").ValueKind));
    }
}
