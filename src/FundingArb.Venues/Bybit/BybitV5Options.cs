using FundingArb.Trading.Instruments;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Bybit;

/// Where and as whom the Bybit v5 connector connects. The secret signs requests and never leaves this record: ToString
/// leaves it out, as it does every member that could carry it.
public sealed record BybitV5Options
{
    public BybitV5Options(VenueId venue, Uri restUrl, Uri publicStreamUrl, Uri privateStreamUrl, string apiKey, string apiSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(venue));
        ArgumentNullException.ThrowIfNull(restUrl);
        ArgumentNullException.ThrowIfNull(publicStreamUrl);
        ArgumentNullException.ThrowIfNull(privateStreamUrl);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        Venue = venue;
        RestUrl = restUrl;
        PublicStreamUrl = publicStreamUrl;
        PrivateStreamUrl = privateStreamUrl;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public VenueId Venue { get; }

    /// The REST root (https://api.bybit.com).
    public Uri RestUrl { get; }

    /// The linear public stream (wss://stream.bybit.com/v5/public/linear).
    public Uri PublicStreamUrl { get; }

    /// The private stream (wss://stream.bybit.com/v5/private).
    public Uri PrivateStreamUrl { get; }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    /// How long after its timestamp the venue still takes a signed request (X-BAPI-RECV-WINDOW; Bybit's default).
    public TimeSpan RecvWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// The client's own pace for order/create and order/cancel: Bybit's default per-UID limit on linear.
    public int OrderRequestsPerSecond { get; init; } = 10;

    /// A request unanswered after this fails with VenueTimeoutException.
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// How the connector reaches the venue (DirectVenueWire unless a simulation counts what is in flight).
    public IVenueWire Wire { get; init; } = DirectVenueWire.Instance;

    /// Bybit drops a stream that sends nothing for about 30 s and asks for a ping every 20 s.
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// The options for a venue whose streams sit at Bybit's paths on the REST root's host (the simulated exchange).
    public static BybitV5Options AtRoot(VenueId venue, Uri restUrl, string apiKey, string apiSecret)
    {
        ArgumentNullException.ThrowIfNull(restUrl);
        var stream = new UriBuilder(restUrl) { Scheme = restUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return new BybitV5Options(venue, restUrl, new UriBuilder(stream.Uri) { Path = "/v5/public/linear" }.Uri,
            new UriBuilder(stream.Uri) { Path = "/v5/private" }.Uri, apiKey, apiSecret);
    }

    public override string ToString() => $"bybit-v5 {Venue} at {RestUrl} as {ApiKey}";
}
