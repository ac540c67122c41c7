using FsCheck.Fluent;
using FundingArb.Trading.Funding;

namespace FundingArb.Trading.Tests.Funding;

public sealed class FundingRateTests
{
    private static readonly FundingRate s_binance = new(0.0001m, TimeSpan.FromHours(8));
    private static readonly FundingRate s_hyperliquid = new(0.00005m, TimeSpan.FromHours(1));

    [Fact]
    public void PerDay_Binance8Hour_Is0Point0003()
    {
        var perDay = s_binance.PerDay;

        Assert.Equal(0.0003m, perDay);
    }

    [Fact]
    public void PerDay_Hyperliquid1Hour_Is0Point0012()
    {
        var perDay = s_hyperliquid.PerDay;

        Assert.Equal(0.0012m, perDay);
    }

    [Fact]
    public void PerDay_BinanceVersusHyperliquid_Differs0Point0009()
    {
        var difference = s_hyperliquid.PerDay - s_binance.PerDay;

        Assert.Equal(0.0009m, difference);
    }

    [Fact]
    public void PerSecond_DividesByIntervalSeconds()
    {
        var perSecond = s_binance.PerSecond;

        Assert.Equal(0.0001m / 28_800m, perSecond);
    }

    [Fact]
    public void PerHour_EightHourRate_IsAnEighth()
    {
        var perHour = s_binance.PerHour;

        Assert.Equal(0.0000125m, perHour);
    }

    [Fact]
    public void Annualized_IsPerDayTimes365()
    {
        var annual = s_binance.Annualized;

        Assert.Equal(0.1095m, annual);
    }

    [Fact]
    public void PerPeriod_OwnInterval_IsTheRate()
    {
        var rate = new FundingRate(0.000123m, TimeSpan.FromHours(4));

        var perInterval = rate.PerPeriod(TimeSpan.FromHours(4));

        Assert.Equal(0.000123m, perInterval);
    }

    [Fact]
    public void PerPeriod_NonPositivePeriod_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_binance.PerPeriod(TimeSpan.Zero));
    }

    [Fact]
    public void PerDay_DefaultRate_Throws()
    {
        var rate = default(FundingRate);

        Assert.Throws<InvalidOperationException>(() => rate.PerDay);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositiveInterval_Throws(int hours)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FundingRate(0.0001m, TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void PerDay_SameRateAtScaledInterval_IsConsistent()
    {
        var inputs = (from micros in Gen.Choose(-100_000, 100_000)
                      from baseHours in Gen.Elements(1, 2, 4, 8)
                      from factor in Gen.Choose(1, 24)
                      select (Rate: micros / 1_000_000m, Interval: TimeSpan.FromHours(baseHours), Factor: factor)).ToArbitrary();

        var property = Prop.ForAll(inputs, input =>
        {
            var rate = new FundingRate(input.Rate, input.Interval);
            var scaled = new FundingRate(input.Rate * input.Factor, input.Interval * input.Factor);

            return rate.PerDay == scaled.PerDay && rate.PerSecond == scaled.PerSecond && rate.Annualized == scaled.Annualized;
        });

        PropertyCheck.Run(property);
    }

    [Fact]
    public void PerPeriod_SumOfHoursOverADay_EqualsPerDayForHourlyMultiples()
    {
        var inputs = (from micros in Gen.Choose(-100_000, 100_000)
                      from hours in Gen.Elements(1, 2, 3, 4, 6, 8, 12, 24)
                      select (Rate: micros / 1_000_000m, Hours: hours)).ToArbitrary();

        var property = Prop.ForAll(inputs, input =>
        {
            var rate = new FundingRate(input.Rate, TimeSpan.FromHours(input.Hours));

            return rate.Rate * (24 / input.Hours) == rate.PerDay;
        });

        PropertyCheck.Run(property);
    }
}
