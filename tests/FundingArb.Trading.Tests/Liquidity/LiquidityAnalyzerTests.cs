using FsCheck.Fluent;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Liquidity;

public sealed class LiquidityAnalyzerTests
{
    private static readonly BookLevel[] s_bids = [new(99.9m, 1m), new(99.8m, 2m), new(99.5m, 5m)];
    private static readonly BookLevel[] s_asks = [new(100.1m, 1m), new(100.2m, 2m), new(100.5m, 5m)];

    private static LiquidityAnalysis Analyze(OrderSide side, LiquidityTarget target) =>
        LiquidityAnalyzer.Analyze(s_bids, s_asks, side, target, LiquidityThresholds.Default);

    private static (BookLevel[], BookLevel[]) Malformed(string book) => book switch
    {
        "unsorted bids" => ([new(99.8m, 1m), new(99.9m, 1m)], s_asks),
        "duplicate ask price" => (s_bids, [new(100.1m, 1m), new(100.1m, 1m)]),
        "zero size" => (s_bids, [new(100.1m, 0m)]),
        "negative size" => (s_bids, [new(100.1m, 1m), new(100.2m, -1m)]),
        "negative deep bid" => ([new(99.9m, 1m), new(-1m, 1m)], s_asks),
        "crossed" => (s_bids, [new(99.9m, 1m)]),
        _ => throw new ArgumentOutOfRangeException(nameof(book), book, "No such book."),
    };

    [Fact]
    public void Analyze_BuyTwoBase_WalksTwoLevels()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(2m));

        Assert.Equal((2m, 200.3m, 100.15m, 100.2m, 2), (analysis.FilledBase, analysis.FilledQuote, analysis.AveragePrice, analysis.WorstPrice, analysis.LevelsUsed));
    }

    [Fact]
    public void Analyze_BuyTwoBase_SlippageAgainstMid()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(2m));

        Assert.Equal((100m, 0.3m, 15m), (analysis.MidPrice, analysis.SlippageQuote, analysis.SlippageBps));
    }

    [Fact]
    public void Analyze_Book_SpreadInBps()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(1m));

        Assert.Equal(20m, analysis.SpreadBps);
    }

    [Fact]
    public void Analyze_BuyTwoBase_ScoresAndRecommendsLimit()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(2m));

        Assert.Equal((60m, LiquidityRecommendation.Limit, true), (analysis.Score, analysis.Recommendation, analysis.IsDepthSufficient));
    }

    [Fact]
    public void Analyze_SellOneBase_WalksBids()
    {
        var analysis = Analyze(OrderSide.Sell, LiquidityTarget.InBase(1m));

        Assert.Equal((99.9m, 0.1m, 10m), (analysis.AveragePrice, analysis.SlippageQuote, analysis.SlippageBps));
    }

    [Fact]
    public void Analyze_SellTwoBase_SplitsSecondLevel()
    {
        var analysis = Analyze(OrderSide.Sell, LiquidityTarget.InBase(2m));

        Assert.Equal((2m, 199.7m, 99.85m, 99.8m, 2), (analysis.FilledBase, analysis.FilledQuote, analysis.AveragePrice, analysis.WorstPrice, analysis.LevelsUsed));
    }

    [Fact]
    public void Analyze_SellForQuote_SplitsByPrice()
    {
        var analysis = Analyze(OrderSide.Sell, LiquidityTarget.InQuote(149.8m));

        Assert.Equal((1.5m, 149.8m, 2), (analysis.FilledBase, analysis.FilledQuote, analysis.LevelsUsed));
    }

    [Fact]
    public void Analyze_QuoteTarget_StopsAtNotional()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InQuote(150.2m));

        Assert.Equal((1.5m, 150.2m, 100.2m), (analysis.FilledBase, analysis.FilledQuote, analysis.WorstPrice));
    }

    [Fact]
    public void Analyze_Depth_SumsTheWalkedSide()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(1m));

        Assert.Equal((8m, 803.0m), (analysis.AvailableBase, analysis.AvailableQuote));
    }

    [Fact]
    public void Analyze_DeepWalk_IsHighSlippage()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(8m));

        Assert.Equal((37.5m, LiquidityRecommendation.HighSlippage), (analysis.SlippageBps, analysis.Recommendation));
    }

    [Fact]
    public void Analyze_BeyondBook_IsInsufficientDepth()
    {
        var analysis = Analyze(OrderSide.Buy, LiquidityTarget.InBase(9m));

        Assert.Equal((false, LiquidityRecommendation.InsufficientDepth, 8m), (analysis.IsDepthSufficient, analysis.Recommendation, analysis.FilledBase));
    }

    [Fact]
    public void Analyze_DepthMultipleNotMet_IsInsufficientDepth()
    {
        var thresholds = LiquidityThresholds.Default with { MinDepthMultiple = 5m };

        var analysis = LiquidityAnalyzer.Analyze(s_bids, s_asks, OrderSide.Buy, LiquidityTarget.InBase(2m), thresholds);

        Assert.Equal(LiquidityRecommendation.InsufficientDepth, analysis.Recommendation);
    }

    [Fact]
    public void Analyze_TightDeepBook_MarketAcceptable()
    {
        BookLevel[] bids = [new(100m, 10m)];
        BookLevel[] asks = [new(100.01m, 10m)];

        var analysis = LiquidityAnalyzer.Analyze(bids, asks, OrderSide.Buy, LiquidityTarget.InBase(1m), LiquidityThresholds.Default);

        Assert.Equal(LiquidityRecommendation.MarketAcceptable, analysis.Recommendation);
    }

    [Fact]
    public void Analyze_EmptySide_IsInsufficientDepth()
    {
        var analysis = LiquidityAnalyzer.Analyze(s_bids, [], OrderSide.Buy, LiquidityTarget.InBase(1m), LiquidityThresholds.Default);

        Assert.Equal((LiquidityRecommendation.InsufficientDepth, 0m), (analysis.Recommendation, analysis.Score));
    }

    public static TheoryData<string, OrderSide> MalformedBooks => new()
    {
        { "unsorted bids", OrderSide.Sell },
        { "duplicate ask price", OrderSide.Buy },
        { "zero size", OrderSide.Buy },
        { "negative size", OrderSide.Buy },
        { "negative deep bid", OrderSide.Sell },
        { "crossed", OrderSide.Buy },
    };

    [Theory]
    [MemberData(nameof(MalformedBooks))]
    public void Analyze_MalformedBook_Throws(string book, OrderSide side)
    {
        var (bids, asks) = Malformed(book);

        Assert.Throws<ArgumentException>(() => LiquidityAnalyzer.Analyze(bids, asks, side, LiquidityTarget.InBase(1m), LiquidityThresholds.Default));
    }

    [Fact]
    public void Analyze_DefaultTarget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Analyze(OrderSide.Buy, default));
    }

    [Fact]
    public void Analyze_NullThresholds_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => LiquidityAnalyzer.Analyze(s_bids, s_asks, OrderSide.Buy, LiquidityTarget.InBase(1m), null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Target_NonPositive_Throws(int amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LiquidityTarget.InQuote(amount));
    }

    [Fact]
    public void Analyze_AnyBook_NeverFillsBeyondTargetAndAverageWithinWalk()
    {
        var books = (from count in Gen.Choose(1, 50)
                     from sizes in Gen.ArrayOf(Gen.Choose(1, 1000), count)
                     from steps in Gen.ArrayOf(Gen.Choose(1, 100), count)
                     from wanted in Gen.Choose(1, 100_000)
                     from byQuote in Gen.Elements(true, false)
                     from sell in Gen.Elements(true, false)
                     select (Sizes: sizes, Steps: steps, Wanted: wanted / 100m, ByQuote: byQuote, Sell: sell)).ToArbitrary();

        var property = Prop.ForAll(books, input =>
        {
            var direction = input.Sell ? -1m : 1m;
            var walked = new BookLevel[input.Sizes.Length];
            var price = 1_000m;
            for (var i = 0; i < walked.Length; i++)
            {
                price += direction * input.Steps[i] / 100m;
                walked[i] = new BookLevel(price, input.Sizes[i] / 10m);
            }

            BookLevel[] other = [new(1_000m, 1m)];
            var target = input.ByQuote ? LiquidityTarget.InQuote(input.Wanted) : LiquidityTarget.InBase(input.Wanted);
            var (bids, asks, side) = input.Sell ? (walked, other, OrderSide.Sell) : (other, walked, OrderSide.Buy);

            var analysis = LiquidityAnalyzer.Analyze(bids, asks, side, target, LiquidityThresholds.Default);

            var filled = input.ByQuote ? analysis.FilledQuote : analysis.FilledBase;
            var (best, worst) = (walked[0].Price, analysis.WorstPrice);
            return filled <= input.Wanted
                && (analysis.IsDepthSufficient == (filled == input.Wanted))
                && Math.Min(best, worst) <= analysis.AveragePrice && analysis.AveragePrice <= Math.Max(best, worst)
                && analysis.FilledBase <= analysis.AvailableBase
                && analysis.SlippageQuote >= 0m
                && analysis.Score is >= 0m and <= 100m;
        });

        PropertyCheck.Run(property);
    }
}
