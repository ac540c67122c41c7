using FundingArb.Trading.Funding;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Funding;

public sealed class FundingRateValidatorTests
{
    private static readonly TimeSpan s_eightHours = TimeSpan.FromHours(8);
    private static readonly FundingLimits s_limits = FundingLimits.Default;

    [Fact]
    public void Validate_OrdinaryRate_ReturnsRate()
    {
        var check = FundingRateValidator.Validate(Binance, 0.0001m, s_eightHours, s_limits);

        Assert.Equal((true, new FundingRate(0.0001m, s_eightHours)), (check.IsValid, check.Rate!.Value));
    }

    [Fact]
    public void Validate_AtHourlyCap_IsAccepted()
    {
        var check = FundingRateValidator.Validate(Hyperliquid, 0.04m, TimeSpan.FromHours(1), s_limits);

        Assert.True(check.IsValid);
    }

    [Fact]
    public void Validate_BeyondCap_ReportsPerHourAndCap()
    {
        var check = FundingRateValidator.Validate(Hyperliquid, -0.0401m, TimeSpan.FromHours(1), s_limits);

        Assert.Equal((FundingRejectionReason.BeyondCap, (decimal?)-0.0401m, (decimal?)0.04m),
            (check.Rejection!.Reason, check.Rejection.Actual, check.Rejection.Limit));
    }

    [Fact]
    public void Validate_Issue8413Rate_IsRejected()
    {
        var check = FundingRateValidator.Validate(Hyperliquid, 1.79e9, TimeSpan.FromHours(1), s_limits);

        Assert.Equal(FundingRejectionReason.BeyondCap, check.Rejection!.Reason);
    }

    [Fact]
    public void Validate_RateBeyondDecimalRange_IsRejected()
    {
        var check = FundingRateValidator.Validate(Hyperliquid, 1e300, TimeSpan.FromHours(1), s_limits);

        Assert.Equal(FundingRejectionReason.BeyondCap, check.Rejection!.Reason);
    }

    [Fact]
    public void Validate_NaN_IsRejected()
    {
        var check = FundingRateValidator.Validate(Binance, double.NaN, s_eightHours, s_limits);

        Assert.Equal((FundingRejectionReason.NotANumber, Binance), (check.Rejection!.Reason, check.Rejection.Venue));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Validate_Infinite_IsRejected(double rate)
    {
        var check = FundingRateValidator.Validate(Binance, rate, s_eightHours, s_limits);

        Assert.Equal(FundingRejectionReason.Infinite, check.Rejection!.Reason);
    }

    [Fact]
    public void Validate_FiniteDouble_ConvertsToDecimal()
    {
        var check = FundingRateValidator.Validate(Binance, 0.0001, s_eightHours, s_limits);

        Assert.Equal(0.0001m, check.Rate!.Value.Rate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void Validate_IntervalOutOfRange_IsRejected(int hours)
    {
        var check = FundingRateValidator.Validate(Binance, 0.0001m, TimeSpan.FromHours(hours), s_limits);

        Assert.Equal(FundingRejectionReason.IntervalOutOfRange, check.Rejection!.Reason);
    }

    [Fact]
    public void Validate_NullLimits_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FundingRateValidator.Validate(Binance, 0.0001m, s_eightHours, null!));
    }

    [Fact]
    public void Parse_InvariantText_ReturnsRate()
    {
        var check = FundingRateValidator.Parse(Binance, "0.00010000", s_eightHours, s_limits);

        Assert.Equal(0.0001m, check.Rate!.Value.Rate);
    }

    [Fact]
    public void Parse_ExponentText_ReturnsRate()
    {
        var check = FundingRateValidator.Parse(Binance, "1.25e-5", s_eightHours, s_limits);

        Assert.Equal(0.0000125m, check.Rate!.Value.Rate);
    }

    [Theory]
    [InlineData("NaN", FundingRejectionReason.NotANumber)]
    [InlineData("Infinity", FundingRejectionReason.Infinite)]
    [InlineData("1.79e+40", FundingRejectionReason.BeyondCap)]
    [InlineData("0,0001", FundingRejectionReason.Unparseable)]
    [InlineData("", FundingRejectionReason.Unparseable)]
    public void Parse_BadText_IsRejected(string text, FundingRejectionReason expected)
    {
        var check = FundingRateValidator.Parse(Binance, text, s_eightHours, s_limits);

        Assert.Equal(expected, check.Rejection!.Reason);
    }

    [Fact]
    public void Parse_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FundingRateValidator.Parse(Binance, null!, s_eightHours, s_limits));
    }
}
