using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange;

/// One real venue's wire protocol (its REST paths, field names, signing, error codes and WebSocket streams) put in
/// front of a simulated venue. Each protocol lives in its own folder; ExchangeProtocols lists them by name.
public interface IVenueProtocol
{
    /// The name an exchange config gives it: binance-usdm, bybit-v5, okx-v5.
    string Name { get; }

    /// The WebSocket path clients connect to, relative to the venue's root (its WS-URL).
    string WebSocketPath { get; }

    /// Maps the protocol's REST endpoints and its WebSocket endpoint for the venue.
    void Map(IEndpointRouteBuilder routes, ServedVenue venue);
}
