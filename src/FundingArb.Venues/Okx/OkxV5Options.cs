using FundingArb.Trading.Instruments;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Okx;

/// Where and as whom the OKX v5 connector connects. The secret and the passphrase sign requests and never leave this
/// record: ToString leaves them out, as it does every member that could carry them.
public sealed record OkxV5Options
{
    public OkxV5Options(VenueId venue, Uri restUrl, Uri publicStreamUrl, Uri privateStreamUrl, string apiKey, string apiSecret, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(venue));
        ArgumentNullException.ThrowIfNull(restUrl);
        ArgumentNullException.ThrowIfNull(publicStreamUrl);
        ArgumentNullException.ThrowIfNull(privateStreamUrl);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        Venue = venue;
        RestUrl = restUrl;
        PublicStreamUrl = publicStreamUrl;
        PrivateStreamUrl = privateStreamUrl;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        Passphrase = passphrase;
    }

    public VenueId Venue { get; }

    /// The REST root (https://www.okx.com).
    public Uri RestUrl { get; }

    /// The public stream (wss://ws.okx.com:8443/ws/v5/public).
    public Uri PublicStreamUrl { get; }

    /// The private stream (wss://ws.okx.com:8443/ws/v5/private).
    public Uri PrivateStreamUrl { get; }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public string Passphrase { get; }

    /// Sends `x-simulated-trading: 1`, which OKX's demo trading (and the simulated exchange) requires of every signed
    /// request; live trading, the default, sends no such header.
    public bool SimulatedTrading { get; init; }

    /// The client's own pace for place and cancel, per instrument: OKX's published 60 requests per 2 s.
    public int OrderRequestsPerWindow { get; init; } = 60;

    public TimeSpan OrderRequestWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// How long every request is held back after a 50011: OKX sends no reset time, and its order windows last 2 s.
    public TimeSpan RateLimitBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// A request unanswered after this fails with VenueTimeoutException.
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// How the connector reaches the venue (DirectVenueWire unless a simulation counts what is in flight).
    public IVenueWire Wire { get; init; } = DirectVenueWire.Instance;

    /// OKX drops a stream that is silent for 30 s; the client sends "ping" more often than that.
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// The options for a demo account whose streams sit at OKX's paths on the REST root's host (the simulated exchange).
    public static OkxV5Options AtRoot(VenueId venue, Uri restUrl, string apiKey, string apiSecret, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(restUrl);
        var stream = new UriBuilder(restUrl) { Scheme = restUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return new OkxV5Options(venue, restUrl, new UriBuilder(stream.Uri) { Path = "/ws/v5/public" }.Uri,
            new UriBuilder(stream.Uri) { Path = "/ws/v5/private" }.Uri, apiKey, apiSecret, passphrase)
        {
            SimulatedTrading = true,
        };
    }

    public override string ToString() => $"okx-v5 {Venue} at {RestUrl} as {ApiKey}";
}
