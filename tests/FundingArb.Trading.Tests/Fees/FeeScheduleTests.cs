using FundingArb.Trading.Fees;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Fees;

public sealed class FeeScheduleTests
{
    [Fact]
    public void Rate_Maker_IsMakerRate()
    {
        var schedule = new FeeSchedule(0.0002m, 0.0004m);

        var rate = schedule.Rate(LiquidityRole.Maker);

        Assert.Equal(0.0002m, rate);
    }

    [Fact]
    public void Rate_Taker_IsTakerRate()
    {
        var schedule = new FeeSchedule(0.0002m, 0.0004m);

        var rate = schedule.Rate(LiquidityRole.Taker);

        Assert.Equal(0.0004m, rate);
    }

    [Fact]
    public void Constructor_MakerRebate_IsAllowed()
    {
        var schedule = new FeeSchedule(-0.0001m, 0.0004m);

        Assert.Equal(-0.0001m, schedule.MakerRate);
    }

    [Theory]
    [InlineData("-0.01", "0.0004")]
    [InlineData("0.1", "0.0004")]
    [InlineData("0.0002", "-0.0001")]
    [InlineData("0.0002", "0.1")]
    public void Constructor_AbsurdRate_Throws(string maker, string taker)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeSchedule(
            decimal.Parse(maker, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(taker, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
