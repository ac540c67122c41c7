using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Errors;

/// The venue refused the request's credentials (Bybit 10002 timestamp outside the window, 10003 unknown key, 10004 bad
/// signature): nothing was done. Reason is the venue's text, which never includes the secret or the signature.
public sealed class AuthenticationFailedException(VenueId venue, string reason)
    : VenueException(venue, VenueError.AuthenticationFailed, $"credentials refused: {reason}")
{
    public string Reason { get; } = reason;
}
