using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Errors;

/// No answer within the request timeout. The venue may still have executed the request (the case that makes a
/// blind retry dangerous): reconcile by client order id before acting again. Named after the error Timeout; the
/// suffix avoids a clash with System.TimeoutException.
public sealed class VenueTimeoutException(VenueId venue, TimeSpan timeout)
    : VenueException(venue, VenueError.Timeout, string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout}"))
{
    public TimeSpan Timeout { get; } = timeout;

    public override bool OutcomeUnknown => true;
}
