using FundingArb.Trading.Funding;

namespace FundingArb.Trading.Tests.Funding;

// 0.001 per day on 10,000 over 3 days is 30 of funding.
public sealed class EntryEvaluationTests
{
    private static readonly TimeSpan s_hold = TimeSpan.FromDays(3);
    private static readonly RoundTripCosts s_costs = new(EntryFees: 8m, ExitFees: 10m, Slippage: 1.5m, Basis: 0.5m);

    [Fact]
    public void Of_WeighsTheFundingOverTheHoldAgainstEveryCost()
    {
        var evaluation = EntryEvaluation.Of(0.001m, s_hold, 10_000m, s_costs);

        Assert.Equal((30m, 20m, 10m, 1.5m), (evaluation.ExpectedFunding, evaluation.Costs.Total, evaluation.ExpectedNet, evaluation.Cover));
    }

    [Theory]
    [InlineData(1.5, true)]
    [InlineData(1.51, false)]
    public void Covers_AsksTheFundingToPayTheCostsThatManyTimes(decimal cover, bool enters)
    {
        Assert.Equal(enters, EntryEvaluation.Of(0.001m, s_hold, 10_000m, s_costs).Covers(cover));
    }

    [Fact]
    public void Covers_NothingToPay_StillAsksForFunding()
    {
        var free = EntryEvaluation.Of(0m, s_hold, 10_000m, default);

        Assert.Null(free.Cover);
        Assert.False(free.Covers(1m));
        Assert.True(EntryEvaluation.Of(0.0001m, s_hold, 10_000m, default).Covers(1m));
    }

    [Fact]
    public void Describe_ShowsTheFundingAndEachCost()
    {
        Assert.Equal("expected funding 30 over the hold against costs 20 (fees 18, slippage 1.5, basis 0.5)",
            EntryEvaluation.Of(0.001m, s_hold, 10_000m, s_costs).Describe());
    }

    [Fact]
    public void Of_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EntryEvaluation.Of(0.001m, TimeSpan.Zero, 10_000m, s_costs));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntryEvaluation.Of(0.001m, s_hold, 0m, s_costs));
    }
}
