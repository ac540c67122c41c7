using FundingArb.Venues.Binance;
using FundingArb.Venues.Simulation;

namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceWeightLimiterTests
{
    private static readonly DateTimeOffset s_minuteStart = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Acquire_OverTheMinutesBudget_WaitsForTheNextMinute()
    {
        var clock = new VirtualClock(s_minuteStart.AddSeconds(50));
        var limiter = new BinanceWeightLimiter(clock, 10);
        await limiter.AcquireAsync(10, BinanceHarness.Guard());

        var next = limiter.AcquireAsync(1, BinanceHarness.Guard()).AsTask();
        var waitedAtFirst = !next.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(10));
        await next;

        Assert.True(waitedAtFirst);
    }

    [Fact]
    public async Task Acquire_AfterTheVenueReportsItsOwnCount_WaitsOnTheVenuesCount()
    {
        var clock = new VirtualClock(s_minuteStart);
        var limiter = new BinanceWeightLimiter(clock, 10);
        await limiter.AcquireAsync(1, BinanceHarness.Guard());
        limiter.Observe(10);

        var next = limiter.AcquireAsync(1, BinanceHarness.Guard()).AsTask();

        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await next;
    }

    [Fact]
    public void BackOff_ReportsWhatIsLeftUntilItEnds()
    {
        var clock = new VirtualClock(s_minuteStart);
        var limiter = new BinanceWeightLimiter(clock, 2400);
        limiter.BackOff(TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromSeconds(4));
        var remaining = limiter.BackOffRemaining();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), remaining);
        Assert.Null(limiter.BackOffRemaining());
    }
}
