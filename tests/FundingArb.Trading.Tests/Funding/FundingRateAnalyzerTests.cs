using FundingArb.Trading.Fees;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Funding;

public sealed class FundingRateAnalyzerTests
{
    private static readonly FeeTable s_fees = new([
        new(Binance, new FeeSchedule(0.0002m, 0.0004m)),
        new(Hyperliquid, new FeeSchedule(0m, 0.00025m)),
        new(Bybit, new FeeSchedule(0.0002m, 0.00055m)),
    ]);

    private static FundingQuote Quote(VenueId venue, decimal rate, int hours, DateTimeOffset? at = null) =>
        new(venue, Btc, new FundingRate(rate, TimeSpan.FromHours(hours)), at ?? T0);

    private static FundingPairSelection Select(params FundingQuote[] quotes) =>
        FundingRateAnalyzer.SelectBest(Btc, quotes, s_fees, FundingSelectionSettings.Default, T0);

    [Fact]
    public void Direction_LowerRate_IsLong()
    {
        var side = FundingRateAnalyzer.Direction(new(0.0001m, TimeSpan.FromHours(8)), new(0.00005m, TimeSpan.FromHours(1)));

        Assert.Equal(PositionSide.Long, side);
    }

    [Fact]
    public void Direction_HigherRate_IsShort()
    {
        var side = FundingRateAnalyzer.Direction(new(0.0002m, TimeSpan.FromHours(1)), new(0.0008m, TimeSpan.FromHours(8)));

        Assert.Equal(PositionSide.Short, side);
    }

    [Fact]
    public void Direction_EqualPerDay_IsNull()
    {
        var side = FundingRateAnalyzer.Direction(new(0.0008m, TimeSpan.FromHours(8)), new(0.0001m, TimeSpan.FromHours(1)));

        Assert.Null(side);
    }

    [Fact]
    public void DaysToBreakEven_FeesOverSpread()
    {
        var days = FundingRateAnalyzer.DaysToBreakEven(0.0005m, 0.0013m);

        Assert.Equal(2.6m, days);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.001)]
    public void DaysToBreakEven_NoSpread_IsNull(double spread)
    {
        var days = FundingRateAnalyzer.DaysToBreakEven((decimal)spread, 0.0013m);

        Assert.Null(days);
    }

    [Fact]
    public void DaysToBreakEven_NoFees_IsZero()
    {
        var days = FundingRateAnalyzer.DaysToBreakEven(0.001m, -0.0001m);

        Assert.Equal(0m, days);
    }

    [Fact]
    public void Evaluate_BinanceAndHyperliquid_LongsBinanceWithRoundTripFees()
    {
        var opportunity = FundingRateAnalyzer.Evaluate(Quote(Hyperliquid, 0.00005m, 1), s_fees.For(Hyperliquid),
            Quote(Binance, 0.0001m, 8), s_fees.For(Binance), FundingSelectionSettings.Default)!;

        Assert.Equal((Binance, Hyperliquid, 0.0009m, 0.0013m, 0.0027m, 0.0014m),
            (opportunity.LongVenue, opportunity.ShortVenue, opportunity.SpreadPerDay, opportunity.RoundTripFeeRate, opportunity.GrossEdge, opportunity.NetEdge));
    }

    [Fact]
    public void Evaluate_EqualRates_IsNull()
    {
        var opportunity = FundingRateAnalyzer.Evaluate(Quote(Hyperliquid, 0.0001m, 1), s_fees.For(Hyperliquid),
            Quote(Binance, 0.0008m, 8), s_fees.For(Binance), FundingSelectionSettings.Default);

        Assert.Null(opportunity);
    }

    [Fact]
    public void Evaluate_DifferentAssets_Throws()
    {
        var eth = new FundingQuote(Binance, new Asset("ETH"), new FundingRate(0.0001m, TimeSpan.FromHours(8)), T0);

        Assert.Throws<ArgumentException>(() => FundingRateAnalyzer.Evaluate(Quote(Hyperliquid, 0m, 1), s_fees.For(Hyperliquid),
            eth, s_fees.For(Binance), FundingSelectionSettings.Default));
    }

    [Fact]
    public void Evaluate_NullQuote_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FundingRateAnalyzer.Evaluate(null!, s_fees.For(Binance),
            Quote(Hyperliquid, 0m, 1), s_fees.For(Hyperliquid), FundingSelectionSettings.Default));
    }

    [Fact]
    public void Evaluate_NullSettings_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FundingRateAnalyzer.Evaluate(Quote(Binance, 0m, 8), s_fees.For(Binance),
            Quote(Hyperliquid, 0m, 1), s_fees.For(Hyperliquid), null!));
    }

    [Fact]
    public void SelectBest_HummingbotExample_SpreadBelowMinimumGivesNoPairWithReason()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 0.00005m, 1));

        Assert.Equal("no pair qualifies: best net edge 0.00140 over 3.00:00:00 (needs > 0), widest spread 0.00090 per day (needs >= 0.001)",
            selection.Reason);
    }

    [Fact]
    public void SelectBest_HummingbotExample_HasNoPair()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 0.00005m, 1));

        Assert.False(selection.HasPair);
    }

    [Fact]
    public void SelectBest_ThreeVenues_PicksBestNetEdge()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 0.00005m, 1), Quote(Bybit, -0.0001m, 8));

        Assert.Equal((Bybit, Hyperliquid, 0.0015m, 0.0016m, 0.0029m),
            (selection.Best!.LongVenue, selection.Best.ShortVenue, selection.Best.SpreadPerDay, selection.Best.RoundTripFeeRate, selection.Best.NetEdge));
    }

    [Fact]
    public void SelectBest_ThreeVenues_RanksEveryDirectionByNetEdge()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 0.00005m, 1), Quote(Bybit, -0.0001m, 8));

        Assert.Equal([0.0029m, 0.0014m, -0.0001m], selection.Candidates.Select(c => c.NetEdge));
    }

    [Fact]
    public void SelectBest_EqualNetEdges_PicksFirstInVenueOrderWhateverInputOrder()
    {
        var a = new VenueId("a");
        var b = new VenueId("b");
        var c = new VenueId("c");
        var fees = new FeeTable([new(a, new FeeSchedule(0m, 0.0001m)), new(b, new FeeSchedule(0m, 0.0001m)), new(c, new FeeSchedule(0m, 0.0001m))]);
        FundingQuote[] quotes = [Quote(c, 0.002m, 24), Quote(b, 0.002m, 24), Quote(a, 0m, 24)];

        var forward = FundingRateAnalyzer.SelectBest(Btc, quotes, fees, FundingSelectionSettings.Default, T0).Best!;
        var backward = FundingRateAnalyzer.SelectBest(Btc, quotes.Reverse(), fees, FundingSelectionSettings.Default, T0).Best!;

        Assert.Equal((a, b, a, b), (forward.LongVenue, forward.ShortVenue, backward.LongVenue, backward.ShortVenue));
    }

    [Fact]
    public void SelectBest_NoQuotes_ReturnsReasonNotCrash()
    {
        var selection = Select();

        Assert.Equal((null, "0 usable quote(s); a pair needs two"), (selection.Best, selection.Reason));
    }

    [Fact]
    public void SelectBest_AllSameRate_SaysSo()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8), Quote(Bybit, 0.0001m, 8));

        Assert.Equal("all 2 venues pay the same rate per day", selection.Reason);
    }

    [Fact]
    public void SelectBest_AbsurdRate_IsRejectedAndLeftOut()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 1790m, 1), Quote(Bybit, -0.0001m, 8));

        Assert.Equal((Hyperliquid, FundingRejectionReason.BeyondCap, 1), (selection.Rejections[0].Venue, selection.Rejections[0].Reason, selection.Candidates.Length));
    }

    [Fact]
    public void SelectBest_StaleQuote_IsRejected()
    {
        var selection = Select(Quote(Binance, 0.0001m, 8, T0 - TimeSpan.FromHours(1)), Quote(Bybit, -0.0001m, 8));

        Assert.Equal(FundingRejectionReason.Stale, Assert.Single(selection.Rejections).Reason);
    }

    [Fact]
    public void SelectBest_VenueWithoutFees_IsRejected()
    {
        var selection = Select(Quote(new VenueId("okx"), 0.0001m, 8), Quote(Bybit, -0.0001m, 8));

        Assert.Equal(FundingRejectionReason.NoFeeSchedule, Assert.Single(selection.Rejections).Reason);
    }

    [Fact]
    public void SelectBest_MinNetEdge_ExcludesThinPairs()
    {
        var settings = FundingSelectionSettings.Default with { MinNetEdge = 0.003m };

        var selection = FundingRateAnalyzer.SelectBest(Btc,
            [Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 0.00005m, 1), Quote(Bybit, -0.0001m, 8)], s_fees, settings, T0);

        Assert.False(selection.HasPair);
    }

    [Fact]
    public void SelectBest_DuplicateVenue_Throws()
    {
        Assert.Throws<ArgumentException>(() => Select(Quote(Binance, 0.0001m, 8), Quote(Binance, 0.0002m, 8)));
    }

    [Fact]
    public void SelectBest_QuoteForOtherAsset_Throws()
    {
        var eth = new FundingQuote(Binance, new Asset("ETH"), new FundingRate(0.0001m, TimeSpan.FromHours(8)), T0);

        Assert.Throws<ArgumentException>(() => Select(eth));
    }

    [Fact]
    public void SelectBest_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => FundingRateAnalyzer.SelectBest(Btc, null!, s_fees, FundingSelectionSettings.Default, T0));
    }

    [Fact]
    public void SelectBest_DefaultAsset_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => FundingRateAnalyzer.SelectBest(default, [], s_fees, FundingSelectionSettings.Default, T0));
    }

    [Fact]
    public void Opportunity_DaysToBreakEvenAndAnnualized_FollowSpread()
    {
        var best = Select(Quote(Binance, 0.0001m, 8), Quote(Hyperliquid, 0.00005m, 1), Quote(Bybit, -0.0001m, 8)).Best!;

        Assert.Equal((0.0016m / 0.0015m, 0.5475m, 2.9m), (best.DaysToBreakEven, best.AnnualizedSpread, best.NetEdgeInQuote(1000m)));
    }

    [Fact]
    public void Opportunity_NegativeNotional_Throws()
    {
        var best = Select(Quote(Hyperliquid, 0.00005m, 1), Quote(Bybit, -0.0001m, 8)).Best!;

        Assert.Throws<ArgumentOutOfRangeException>(() => best.NetEdgeInQuote(-1m));
    }

    [Fact]
    public void Quote_DefaultVenue_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FundingQuote(default, Btc, new FundingRate(0m, TimeSpan.FromHours(1)), T0));
    }

    [Fact]
    public void Quote_DefaultRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingQuote(Binance, Btc, default, T0));
    }
}
