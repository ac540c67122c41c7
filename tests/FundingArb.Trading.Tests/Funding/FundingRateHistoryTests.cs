using FundingArb.Trading.Funding;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Funding;

public sealed class FundingRateHistoryTests
{
    private static readonly TimeSpan s_eightHours = TimeSpan.FromHours(8);

    [Fact]
    public void Observe_SameNextFundingTime_SettlesNothing()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3))
            .Observe(0.0001m, 0.00012m, s_eightHours, T0.AddHours(8))
            .Observe(0.0002m, 0.00015m, s_eightHours, T0.AddHours(8));

        Assert.Empty(history.Settled);
        Assert.Equal((0.0002m, 0.00015m), (history.Sample, history.Predicted));
    }

    [Fact]
    public void Observe_NextFundingTimeMovesOn_SettlesTheLastSampleAtTheOldTime_PerDay()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3))
            .Observe(0.0001m, 0.0001m, s_eightHours, T0.AddHours(8))
            .Observe(0.0002m, 0.0001m, s_eightHours, T0.AddHours(8))
            .Observe(0.00005m, 0.0001m, s_eightHours, T0.AddHours(16));

        Assert.Equal([new SettledRate(T0.AddHours(8), 0.0006m)], history.Settled.ToArray());
    }

    [Fact]
    public void Observe_IntervalChange_KeepsEachSettlementInItsOwnUnits()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3))
            .Observe(0.0001m, 0.0001m, s_eightHours, T0.AddHours(8))
            .Observe(0.0001m, 0.0001m, TimeSpan.FromHours(1), T0.AddHours(9))
            .Observe(0.0001m, 0.0001m, TimeSpan.FromHours(1), T0.AddHours(10));

        Assert.Equal([new SettledRate(T0.AddHours(8), 0.0003m), new SettledRate(T0.AddHours(9), 0.0024m)], history.Settled.ToArray());
    }

    [Fact]
    public void Observe_SettlementsOlderThanTheWindow_AreDropped()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromHours(16));
        for (var hour = 8; hour <= 40; hour += 8)
        {
            history = history.Observe(hour / 1_000_000m, 0m, s_eightHours, T0.AddHours(hour));
        }

        // Settled at 8, 16, 24 and 32 h; the window reaches back 16 h from the last, to 16 h exclusive.
        Assert.Equal([T0.AddHours(24), T0.AddHours(32)], history.Settled.Select(s => s.At));
    }

    [Fact]
    public void Observe_TheSameFunding_ReturnsTheSameHistory()
    {
        var history = FundingRateHistory.Empty(TimeSpan.FromDays(3)).Observe(0.0001m, 0.0002m, s_eightHours, T0.AddHours(8));

        Assert.Same(history, history.Observe(0.0001m, 0.0002m, s_eightHours, T0.AddHours(8)));
    }

    [Fact]
    public void Empty_NonPositiveWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingRateHistory.Empty(TimeSpan.Zero));
    }

    [Fact]
    public void Observe_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingRateHistory.Empty(TimeSpan.FromDays(1)).Observe(0m, 0m, TimeSpan.Zero, T0));
    }
}
