using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Funding;

/// Turns what a venue sent into a FundingRate, or a reason not to trust it. Connectors receive rates as
/// JSON strings or doubles; both entry points end here so no NaN, infinity or absurd rate reaches a decision.
public static class FundingRateValidator
{
    private const double MaxConvertible = 1e12;

    public static FundingRateCheck Validate(VenueId venue, decimal rate, TimeSpan interval, FundingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (interval < limits.MinInterval || interval > limits.MaxInterval)
        {
            return Reject(venue, FundingRejectionReason.IntervalOutOfRange,
                $"interval {interval} is outside [{limits.MinInterval}, {limits.MaxInterval}]");
        }

        var perHour = new FundingRate(rate, interval).PerHour;
        if (Math.Abs(perHour) > limits.MaxAbsRatePerHour)
        {
            return Reject(venue, FundingRejectionReason.BeyondCap,
                $"rate {rate} per {interval} is {perHour} per hour, beyond the cap {limits.MaxAbsRatePerHour}",
                perHour, limits.MaxAbsRatePerHour);
        }

        return new FundingRateCheck(new FundingRate(rate, interval), null);
    }

    public static FundingRateCheck Validate(VenueId venue, double rate, TimeSpan interval, FundingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (double.IsNaN(rate))
        {
            return Reject(venue, FundingRejectionReason.NotANumber, $"rate is NaN");
        }

        if (double.IsInfinity(rate))
        {
            return Reject(venue, FundingRejectionReason.Infinite, $"rate is {rate}");
        }

        // A rate this large cannot be converted to decimal, and no cap could allow it anyway.
        if (Math.Abs(rate) > MaxConvertible)
        {
            return Reject(venue, FundingRejectionReason.BeyondCap,
                $"rate {rate} per {interval} is beyond the cap {limits.MaxAbsRatePerHour} per hour", limit: limits.MaxAbsRatePerHour);
        }

        return Validate(venue, (decimal)rate, interval, limits);
    }

    public static FundingRateCheck Parse(VenueId venue, string text, TimeSpan interval, FundingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
        {
            return Validate(venue, rate, interval, limits);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var wide)
            ? Validate(venue, wide, interval, limits)
            : Reject(venue, FundingRejectionReason.Unparseable, $"'{text}' is not a number");
    }

    private static FundingRateCheck Reject(VenueId venue, FundingRejectionReason reason, FormattableString message,
        decimal? actual = null, decimal? limit = null) =>
        new(null, new FundingRejection(venue, reason, message.ToString(CultureInfo.InvariantCulture), actual, limit));
}
