using FundingArb.Trading.Barriers;

namespace FundingArb.Trading.Tests.Barriers;

public sealed class TripleBarrierTests
{
    [Fact]
    public void WithVolatility_OnePointFive_ScalesPnlBarriers()
    {
        var barrier = new TripleBarrier { StopLoss = 0.1m, TakeProfit = 0.2m, TrailingStop = new TrailingStop(0.1m, 0.2m) };

        var scaled = barrier.WithVolatility(1.5m);

        Assert.Equal((0.15m, 0.3m, new TrailingStop(0.15m, 0.3m)), (scaled.StopLoss, scaled.TakeProfit, scaled.TrailingStop));
    }

    [Fact]
    public void WithVolatility_KeepsTimeLimitAndNulls()
    {
        var barrier = new TripleBarrier { TimeLimit = TimeSpan.FromMinutes(5) };

        var scaled = barrier.WithVolatility(2m);

        Assert.Equal((TimeSpan.FromMinutes(5), (decimal?)null, (TrailingStop?)null), (scaled.TimeLimit, scaled.StopLoss, scaled.TrailingStop));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void WithVolatility_NonPositiveFactor_Throws(int factor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TripleBarrier().WithVolatility(factor));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    public void StopLoss_NonPositive_Throws(double stopLoss)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TripleBarrier { StopLoss = (decimal)stopLoss });
    }

    [Fact]
    public void TakeProfit_NonPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TripleBarrier { TakeProfit = 0m });
    }

    [Fact]
    public void TimeLimit_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TripleBarrier { TimeLimit = TimeSpan.Zero });
    }

    [Fact]
    public void TrailingStop_NonPositiveDelta_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrailingStop(0.01m, 0m));
    }
}
