using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Okx;

// One HTTP client per connector. Signed requests carry the venue's estimated time (local clock plus the offset measured
// from /api/v5/public/time at the first signed request); a 50102 means the estimate drifted, so the offset is measured
// again and the request, which the venue did not execute, is sent once more. A 50011 (HTTP 429) holds back every later
// request for the configured backoff and is raised as RateLimitedException: nothing was done.

/// OKX v5 REST: the envelope, signing, the client's rate limits, and codes turned into typed exceptions.
internal sealed class OkxRestClient : IDisposable
{
    private const string TimePath = "/api/v5/public/time";

    private readonly HttpClient _http;
    private readonly OkxV5Options _options;
    private readonly TimeProvider _time;
    private readonly VenueClock _clock;
    private readonly OkxRateGate _gate;

    public OkxRestClient(OkxV5Options options, TimeProvider time)
    {
        _options = options;
        _http = new HttpClient(options.Wire.CreateHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _time = time;
        _clock = new VenueClock(time);
        _gate = new OkxRateGate(options.OrderRequestsPerWindow, options.OrderRequestWindow, time);
    }

    public VenueClock Clock => _clock;

    public Task<OkxAnswer> GetPublicAsync(string path, string query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, query, signed: false, orderInstId: null, null, null, cancellationToken);

    public Task<OkxAnswer> GetSignedAsync(string path, string query, ClientOrderId? orderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, query, signed: true, orderInstId: null, null, orderId, cancellationToken);

    /// Place or cancel: paced by the client's per-instrument order limit.
    public Task<OkxAnswer> PostOrderAsync(string path, string instId, string body, OrderRequest? request, ClientOrderId orderId,
        CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, signed: true, instId, request, orderId, cancellationToken);

    /// Measures the clock offset unless it is known: a stream's login signs a timestamp on the venue's clock.
    public async ValueTask EnsureSynchronisedAsync(CancellationToken cancellationToken)
    {
        if (!_clock.IsSynchronised)
        {
            await SynchroniseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<OkxAnswer> SendAsync(HttpMethod method, string path, string payload, bool signed, string? orderInstId,
        OrderRequest? request, ClientOrderId? orderId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 0; ; attempt++)
        {
            // Synchronised first: the gate counts a request as sent when it lets it through, so nothing may come between.
            if (signed && !_clock.IsSynchronised)
            {
                await SynchroniseAsync(cancellationToken).ConfigureAwait(false);
            }

            await _gate.WaitAsync(orderInstId, cancellationToken).ConfigureAwait(false);

            var outcome = await ExchangeAsync(method, path, payload, signed, cancellationToken).ConfigureAwait(false);
            if (outcome.Answer is { } answer)
            {
                return answer;
            }

            var refusal = outcome.Refusal!;
            if (refusal.Code == OkxCode.TimestampExpired && attempt == 0)
            {
                await SynchroniseAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw OkxErrors.For(_options.Venue, refusal, request, orderId, _options.RequestTimeout);
        }
    }

    private async Task SynchroniseAsync(CancellationToken cancellationToken)
    {
        var sentAt = _clock.LocalNow;
        var outcome = await ExchangeAsync(HttpMethod.Get, TimePath, string.Empty, signed: false, cancellationToken).ConfigureAwait(false);
        var answer = outcome.Answer ?? throw OkxErrors.For(_options.Venue, outcome.Refusal!, null, null, _options.RequestTimeout);
        _clock.Synchronise(sentAt, OkxJson.Millis(answer.Single, "ts"), _clock.LocalNow);
    }

    private async Task<(OkxAnswer? Answer, OkxRefusal? Refusal)> ExchangeAsync(HttpMethod method, string path, string payload, bool signed,
        CancellationToken cancellationToken)
    {
        var isGet = method == HttpMethod.Get;
        var requestPath = isGet && payload.Length > 0 ? $"{path}?{payload}" : path;
        using var message = new HttpRequestMessage(method, new Uri(_options.RestUrl, requestPath));
        var body = isGet ? string.Empty : payload;
        if (!isGet)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (signed)
        {
            var timestamp = OkxSigner.Timestamp(_clock.Now);
            message.Headers.Add("OK-ACCESS-KEY", _options.ApiKey);
            message.Headers.Add("OK-ACCESS-SIGN", OkxSigner.SignRequest(_options.ApiSecret, timestamp, method.Method, requestPath, body));
            message.Headers.Add("OK-ACCESS-TIMESTAMP", timestamp);
            message.Headers.Add("OK-ACCESS-PASSPHRASE", _options.Passphrase);
            if (_options.SimulatedTrading)
            {
                message.Headers.Add("x-simulated-trading", "1");
            }
        }

        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _http.SendAsync(message, linked.Token).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token).ConfigureAwait(false);
            return Read(document.RootElement, response.StatusCode);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new VenueTimeoutException(_options.Venue, _options.RequestTimeout);
        }
        catch (HttpRequestException error)
        {
            throw new VenueUnavailableException(_options.Venue, answerLost: error.HttpRequestError != HttpRequestError.ConnectionError);
        }
        catch (JsonException)
        {
            throw new VenueUnavailableException(_options.Venue, answerLost: true);
        }
    }

    // A code "1" answer (place or cancel refused for the order) carries the reason in data[0].sCode.
    private (OkxAnswer? Answer, OkxRefusal? Refusal) Read(JsonElement root, HttpStatusCode status)
    {
        var code = OkxJson.Text(root, "code");
        var msg = OkxJson.Text(root, "msg");
        var data = root.GetProperty("data");
        if (code == OkxCode.Ok)
        {
            return (new OkxAnswer(data.Clone()), null);
        }

        if (code == OkxCode.AllFailed && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0)
        {
            return (null, new OkxRefusal(OkxJson.Text(data[0], "sCode"), OkxJson.Text(data[0], "sMsg"), TimeSpan.Zero));
        }

        if (code == OkxCode.RateLimited || status == HttpStatusCode.TooManyRequests)
        {
            _gate.BackOffUntil(_clock.LocalNow + _options.RateLimitBackoff);
            return (null, new OkxRefusal(OkxCode.RateLimited, msg, _options.RateLimitBackoff));
        }

        return (null, new OkxRefusal(code, msg, TimeSpan.Zero));
    }

    internal static string Query(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={Uri.EscapeDataString(p.Value)}")));
}
