using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Errors;

/// Too many requests (HTTP 429, Binance -1003, Bybit 10006, OKX 50011): nothing was done; retry after RetryAfter.
public sealed class RateLimitedException(VenueId venue, TimeSpan retryAfter)
    : VenueException(venue, VenueError.RateLimited, string.Create(CultureInfo.InvariantCulture, $"rate limited, retry after {retryAfter}"))
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
