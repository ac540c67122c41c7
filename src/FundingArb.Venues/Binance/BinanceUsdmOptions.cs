using FundingArb.Trading.Instruments;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Binance;

/// Where a Binance USD-M connector connects and with which key. RestUrl is the fapi root (https://fapi.binance.com);
/// WebSocketUrl the stream host's root (wss://fstream.binance.com), under which /market/ws/, /public/ws/ and
/// /private/ws are found.
public sealed record BinanceUsdmOptions
{
    public BinanceUsdmOptions(VenueId venue, Uri restUrl, Uri webSocketUrl, string apiKey, string apiSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(venue));
        ArgumentNullException.ThrowIfNull(restUrl);
        ArgumentNullException.ThrowIfNull(webSocketUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);
        Venue = venue;
        RestUrl = restUrl;
        WebSocketUrl = webSocketUrl;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public VenueId Venue { get; }

    public Uri RestUrl { get; }

    public Uri WebSocketUrl { get; }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    /// How long after its timestamp the venue still takes a signed request (Binance's default; at most 60 s).
    public TimeSpan RecvWindow { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// How the connector reaches the venue (DirectVenueWire unless a simulation counts what is in flight).
    public IVenueWire Wire { get; init; } = DirectVenueWire.Instance;

    /// Binance's IP limit; the connector spends its own budget before the venue refuses it.
    public int RequestWeightPerMinute { get; init; } = 2400;

    /// The listen key lives 60 minutes; Binance advises a keep-alive every 30.
    public TimeSpan ListenKeyKeepAlive { get; init; } = TimeSpan.FromMinutes(30);

    /// How long a symbol's funding interval (fundingInfo) is trusted before it is read again: the interval changes
    /// at run time, and fundingInfo shares a budget of 500 requests per 5 minutes with fundingRate.
    public TimeSpan FundingIntervalRefresh { get; init; } = TimeSpan.FromMinutes(1);

    /// Never the secret: records print every member, and options reach logs.
    public override string ToString() => $"binance-usdm {Venue} {RestUrl} key {ApiKey}";
}
