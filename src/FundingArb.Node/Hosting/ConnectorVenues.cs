using FundingArb.Node.Configuration;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Okx;

namespace FundingArb.Node.Hosting;

/// The real connector for a connector venue of `fundingarb.venues`. Connectors run on the system clock: a real venue's
/// markets and funding run in real time.
public static class ConnectorVenues
{
    public static IVenue Create(NodeVenueSettings venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var id = new VenueId(venue.Name);
        var rest = venue.RestUrl ?? throw new ArgumentException($"venue {venue.Name} has no rest-url", nameof(venue));
        var webSocket = venue.WebSocketUrl ?? throw new ArgumentException($"venue {venue.Name} has no ws-url", nameof(venue));
        var keys = venue.Keys ?? throw new ArgumentException($"venue {venue.Name} has no keys", nameof(venue));
        return venue.Kind switch
        {
            NodeVenueKind.BinanceUsdm => new BinanceUsdmVenue(new BinanceUsdmOptions(id, rest, webSocket, keys.ApiKey, keys.ApiSecret), TimeProvider.System),
            NodeVenueKind.BybitV5 => new BybitV5Venue(new BybitV5Options(id, rest, Under(webSocket, "/v5/public/linear"), Under(webSocket, "/v5/private"),
                keys.ApiKey, keys.ApiSecret), TimeProvider.System),
            NodeVenueKind.OkxV5 => new OkxV5Venue(new OkxV5Options(id, rest, Under(webSocket, "/ws/v5/public"), Under(webSocket, "/ws/v5/private"),
                keys.ApiKey, keys.ApiSecret, keys.Passphrase ?? throw new ArgumentException($"venue {venue.Name} has no passphrase", nameof(venue)))
            {
                SimulatedTrading = venue.SimulatedTrading,
            }, TimeProvider.System),
            _ => throw new ArgumentException($"venue {venue.Name} is {venue.Kind}, not a connector venue", nameof(venue)),
        };
    }

    private static Uri Under(Uri root, string path) => new UriBuilder(root) { Path = root.AbsolutePath.TrimEnd('/') + path }.Uri;
}
