using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Binance;

// The WebSocket root is the venue's root: since April 2026 Binance serves market streams under /market/ws/,
// book streams under /public/ws/ and the user stream at /private/ws?listenKey=... on one host (venues.md section 1).

/// Binance USD-M futures (fapi) in front of a simulated venue.
internal sealed class BinanceUsdmProtocol : IVenueProtocol
{
    public string Name => "binance-usdm";

    public string WebSocketPath => "/";

    public void Map(IEndpointRouteBuilder routes, ServedVenue venue) => new BinanceUsdmApi(venue).Map(routes);
}
