using FundingArb.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Node.Tests.Exchange;

/// A protocol of the tests' own under a real protocol's name (the real ones are registered in ExchangeProtocols by
/// their own branches): it answers GET /venue with the name of the venue it serves.
internal sealed class NamedProtocol(string name) : IVenueProtocol
{
    public static IReadOnlyList<IVenueProtocol> Shipped { get; } = [new NamedProtocol("binance-usdm"), new NamedProtocol("bybit-v5"), new NamedProtocol("okx-v5")];

    public string Name => name;

    public string WebSocketPath => "/ws";

    public void Map(IEndpointRouteBuilder routes, ServedVenue venue) => routes.MapGet("/venue", () => Results.Text(venue.Name));
}
