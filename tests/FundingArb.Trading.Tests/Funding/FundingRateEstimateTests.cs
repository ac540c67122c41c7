using FundingArb.Trading.Funding;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Funding;

// Rates per 8 h interval, so per day they are three times as large.
public sealed class FundingRateEstimateTests
{
    private static readonly TimeSpan s_eightHours = TimeSpan.FromHours(8);
    private static readonly FundingEstimateWeights s_weights = new(0.25m, 0.6m, 0.15m, TimeSpan.FromDays(1));

    [Fact]
    public void PerDay_BeforeAnySettlement_BlendsThePredictionAndTheSampleAlone()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3)).Observe(0.0004m, 0.0002m, s_eightHours, T0.AddHours(8));

        // (0.25 × 0.0006 + 0.15 × 0.0012) / 0.4
        Assert.Equal(0.000825m, FundingRateEstimate.PerDay(history, s_weights));
    }

    [Fact]
    public void PerDay_WithSettlements_AddsTheirMeanAtItsWeight()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3))
            .Observe(0.0001m, 0m, s_eightHours, T0.AddHours(8))
            .Observe(0.0003m, 0m, s_eightHours, T0.AddHours(16))
            .Observe(0.0004m, 0.0002m, s_eightHours, T0.AddHours(24));

        // Settled 0.0003 and 0.0009 per day, mean 0.0006: 0.25 × 0.0006 + 0.6 × 0.0006 + 0.15 × 0.0012.
        Assert.Equal(0.00069m, FundingRateEstimate.PerDay(history, s_weights));
    }

    [Fact]
    public void PerDay_SettlementsOutsideTheWindow_AreLeftOut()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3));
        history = history.Observe(0.01m, 0m, s_eightHours, T0.AddHours(8));
        for (var hour = 16; hour <= 40; hour += 8)
        {
            history = history.Observe(0.0001m, 0.0001m, s_eightHours, T0.AddHours(hour));
        }

        // The history keeps the 1 % settled at 8 h; the estimate's one-day window, back from 40 h, does not see it.
        Assert.Contains(history.Settled, s => s.PerDay == 0.03m);
        Assert.Equal(0.0003m, FundingRateEstimate.PerDay(history, s_weights));
    }

    [Fact]
    public void NextPerDay_LeavesTheSettledPastOut()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3))
            .Observe(0.0003m, 0m, s_eightHours, T0.AddHours(8))
            .Observe(-0.0004m, -0.0002m, s_eightHours, T0.AddHours(16));

        // (0.25 × -0.0006 + 0.15 × -0.0012) / 0.4; the expected rate adds the settled 0.0009 per day at 0.6.
        Assert.Equal(-0.000825m, FundingRateEstimate.NextPerDay(history, s_weights));
        Assert.Equal(0.00021m, FundingRateEstimate.PerDay(history, s_weights));
    }

    [Fact]
    public void PerDay_NothingObserved_Throws()
    {
        Assert.Throws<ArgumentException>(() => FundingRateEstimate.PerDay(FundingRateHistory.Empty(TimeSpan.FromDays(1)), s_weights));
    }

    [Fact]
    public void Weights_PredictionAndSampleBothZero_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => new FundingEstimateWeights(0m, 1m, 0m, TimeSpan.FromDays(1)));

        Assert.Equal("predicted", error.ParamName);
    }

    [Fact]
    public void Weights_Negative_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingEstimateWeights(-0.1m, 0.6m, 0.5m, TimeSpan.FromDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingEstimateWeights(0.5m, 0.6m, 0.5m, TimeSpan.Zero));
    }
}
