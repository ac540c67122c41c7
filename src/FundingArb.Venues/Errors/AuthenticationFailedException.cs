using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Errors;

/// The venue refused the request's credentials before acting on it (Binance -2015 unknown key, -1022 bad signature,
/// -1021 timestamp outside recvWindow): nothing was done. Reason names which; it never carries the key or signature.
public sealed class AuthenticationFailedException(VenueId venue, string reason)
    : VenueException(venue, VenueError.AuthenticationFailed, $"authentication failed: {reason}")
{
    public string Reason { get; } = reason;
}
