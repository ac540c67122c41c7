using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Bybit;

/// Bybit v5, category linear: REST under /v5, the public stream at /v5/public/linear (the endpoint's WS-URL) and the
/// private stream at /v5/private on the same root. Orders are acknowledged only; their fate arrives on the stream.
public sealed class BybitV5Protocol : IVenueProtocol
{
    public string Name => "bybit-v5";

    public string WebSocketPath => BybitPublicStream.Path;

    /// Bybit's default per-UID limit on order/create and order/cancel for linear.
    public int OrderRequestsPerSecond { get; init; } = 10;

    /// How long a private session may carry no message before Bybit cuts it off (null: never); a client's
    /// `max_active_time` overrides it.
    public TimeSpan? PrivateIdleLimit { get; init; } = TimeSpan.FromMinutes(10);

    public void Map(IEndpointRouteBuilder routes, ServedVenue venue)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrderRequestsPerSecond);
        var guard = new BybitRequestGuard(venue, new BybitOrderRateLimiter(OrderRequestsPerSecond, venue.Clock));
        new BybitMarketEndpoints(venue).Map(routes, guard);
        new BybitTradeEndpoints(venue).Map(routes, guard);
        new BybitAccountEndpoints(venue).Map(routes, guard);
        var publicStream = new BybitPublicStream(venue);
        var privateStream = new BybitPrivateStream(venue, PrivateIdleLimit);
        routes.Map(BybitPublicStream.Path, (HttpContext c) => publicStream.RunAsync(c));
        routes.Map(BybitPrivateStream.Path, (HttpContext c) => privateStream.RunAsync(c));
    }
}
