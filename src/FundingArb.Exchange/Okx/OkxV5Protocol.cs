using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Okx;

/// OKX v5, instType SWAP, as OKX's demo trading serves it (signed requests need `x-simulated-trading: 1`): REST under
/// /api/v5, the public stream at /ws/v5/public (the endpoint's WS-URL) and the private one at /ws/v5/private on the same
/// root. Markets are served as BASE-QUOTE-SWAP with sizes in contracts of the instrument's contract multiplier (ctVal).
public sealed class OkxV5Protocol : IVenueProtocol
{
    public string Name => "okx-v5";

    public string WebSocketPath => OkxPublicStream.Path;

    /// OKX's limit on place, cancel and amend: this many per window, per instrument.
    public int OrderRequestsPerWindow { get; init; } = 60;

    public TimeSpan OrderRequestWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// How long a private session may carry no message before OKX closes it, ending its login (null: never).
    public TimeSpan? PrivateIdleLimit { get; init; } = TimeSpan.FromSeconds(30);

    public void Map(IEndpointRouteBuilder routes, ServedVenue venue)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrderRequestsPerWindow);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OrderRequestWindow, TimeSpan.Zero);
        var ids = new OkxInstrumentIds(venue.Venue.Instruments);
        var guard = new OkxRequestGuard(venue, new OkxOrderRateLimiter(OrderRequestsPerWindow, OrderRequestWindow, venue.Clock));
        new OkxMarketEndpoints(venue, ids).Map(routes);
        new OkxTradeEndpoints(venue, ids).Map(routes, guard);
        new OkxAccountEndpoints(venue, ids).Map(routes, guard);
        var publicStream = new OkxPublicStream(venue, ids);
        var privateStream = new OkxPrivateStream(venue, ids, PrivateIdleLimit);
        routes.Map(OkxPublicStream.Path, (HttpContext c) => publicStream.RunAsync(c));
        routes.Map(OkxPrivateStream.Path, (HttpContext c) => privateStream.RunAsync(c));
    }
}
