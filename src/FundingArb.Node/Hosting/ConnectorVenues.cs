using FundingArb.Node.Configuration;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Paper;

namespace FundingArb.Node.Hosting;

/// The real connector for a connector venue of `fundingarb.venues`, or in paper mode the paper account on its public
/// data. Connectors run on the system clock: a real venue's markets and funding run in real time.
public static class ConnectorVenues
{
    // A paper venue's connector makes public requests only, which carry no key; its options still want one.
    private static readonly VenueKeys s_unusedKeys = new("paper-mode-sends-no-key", "paper-mode-signs-nothing", "paper-mode", "no keys (paper mode)");

    /// store: where a paper venue's account is kept; saveFailed hears a save of it that failed (the next change saves again).
    public static IVenue Create(NodeVenueSettings venue, PaperStateStore store, Action<VenueId, Exception> saveFailed)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(saveFailed);
        if (venue.Paper is not { } paper)
        {
            return Connector(venue, venue.Keys ?? throw new ArgumentException($"venue {venue.Name} has no keys", nameof(venue)));
        }

        return new PaperVenue(Connector(venue, s_unusedKeys), paper, TimeProvider.System, store.Read(venue.Name), snapshot =>
        {
            try
            {
                store.Save(snapshot);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                saveFailed(new VenueId(venue.Name), failure);
            }
        });
    }

    private static IVenue Connector(NodeVenueSettings venue, VenueKeys keys)
    {
        var id = new VenueId(venue.Name);
        var rest = venue.RestUrl ?? throw new ArgumentException($"venue {venue.Name} has no rest-url", nameof(venue));
        var webSocket = venue.WebSocketUrl ?? throw new ArgumentException($"venue {venue.Name} has no ws-url", nameof(venue));
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
