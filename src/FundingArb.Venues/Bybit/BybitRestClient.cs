using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Bybit;

// One HTTP client per connector. Signed requests carry the venue's estimated time (local clock plus the offset measured
// from /v5/market/time at the first signed request); a 10002 means the estimate drifted, so the offset is measured
// again and the request, which the venue did not execute, is sent once more. A 10006 or a 403 holds back every later
// request until the venue's reset time, and is raised as RateLimitedException: nothing was done.

/// Bybit v5 REST: the envelope, signing, the client's rate limits, and retCodes turned into typed exceptions.
internal sealed class BybitRestClient : IDisposable
{
    private const string TimePath = "/v5/market/time";

    private readonly HttpClient _http;
    private readonly BybitV5Options _options;
    private readonly TimeProvider _time;
    private readonly VenueClock _clock;
    private readonly BybitRateGate _gate;

    public BybitRestClient(BybitV5Options options, TimeProvider time)
    {
        _options = options;
        _http = new HttpClient(options.Wire.CreateHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _time = time;
        _clock = new VenueClock(time);
        _gate = new BybitRateGate(options.OrderRequestsPerSecond, time);
    }

    public VenueClock Clock => _clock;

    public Task<BybitAnswer> GetPublicAsync(string path, string query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, query, signed: false, orderEndpoint: false, null, null, cancellationToken);

    public Task<BybitAnswer> GetSignedAsync(string path, string query, ClientOrderId? orderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, query, signed: true, orderEndpoint: false, null, orderId, cancellationToken);

    /// An order endpoint (create, cancel): paced by the client's order limit.
    public Task<BybitAnswer> PostOrderAsync(string path, string body, OrderRequest? request, ClientOrderId orderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, signed: true, orderEndpoint: true, request, orderId, cancellationToken);

    /// Measures the clock offset unless it is known: a stream's auth signs an expiry on the venue's clock.
    public async ValueTask EnsureSynchronisedAsync(CancellationToken cancellationToken)
    {
        if (!_clock.IsSynchronised)
        {
            await SynchroniseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<BybitAnswer> SendAsync(HttpMethod method, string path, string payload, bool signed, bool orderEndpoint,
        OrderRequest? request, ClientOrderId? orderId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 0; ; attempt++)
        {
            // The clock first: the gate counts a request as sent when it lets it through, so nothing may come between.
            if (signed && !_clock.IsSynchronised)
            {
                await SynchroniseAsync(cancellationToken).ConfigureAwait(false);
            }

            await _gate.WaitAsync(orderEndpoint, cancellationToken).ConfigureAwait(false);

            var outcome = await ExchangeAsync(method, path, payload, signed, cancellationToken).ConfigureAwait(false);
            if (outcome.Answer is { } answer)
            {
                return answer;
            }

            var refusal = outcome.Refusal!;
            if (refusal.RetCode == BybitRetCode.TimestampOutsideWindow && attempt == 0)
            {
                await SynchroniseAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw BybitErrors.For(_options.Venue, refusal, request, orderId, _options.RequestTimeout);
        }
    }

    private async Task SynchroniseAsync(CancellationToken cancellationToken)
    {
        var sentAt = _clock.LocalNow;
        var outcome = await ExchangeAsync(HttpMethod.Get, TimePath, string.Empty, signed: false, cancellationToken).ConfigureAwait(false);
        var answer = outcome.Answer ?? throw BybitErrors.For(_options.Venue, outcome.Refusal!, null, null, _options.RequestTimeout);
        var nanos = long.Parse(answer.Result.GetProperty("timeNano").GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
        _clock.Synchronise(sentAt, DateTimeOffset.UnixEpoch.AddTicks(nanos / 100), _clock.LocalNow);
    }

    private async Task<(BybitAnswer? Answer, BybitRefusal? Refusal)> ExchangeAsync(HttpMethod method, string path, string payload, bool signed,
        CancellationToken cancellationToken)
    {
        var isGet = method == HttpMethod.Get;
        var target = new Uri(_options.RestUrl, isGet && payload.Length > 0 ? $"{path}?{payload}" : path);
        using var message = new HttpRequestMessage(method, target);
        if (!isGet)
        {
            message.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        }

        if (signed)
        {
            var timestamp = _clock.Now.ToUnixTimeMilliseconds();
            var recvWindow = (long)_options.RecvWindow.TotalMilliseconds;
            message.Headers.Add("X-BAPI-API-KEY", _options.ApiKey);
            message.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
            message.Headers.Add("X-BAPI-RECV-WINDOW", recvWindow.ToString(CultureInfo.InvariantCulture));
            message.Headers.Add("X-BAPI-SIGN", BybitSigner.SignRequest(_options.ApiSecret, timestamp, _options.ApiKey, recvWindow, payload));
        }

        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _http.SendAsync(message, linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                // Bybit's IP limit (600 per 5 s) answers 403 with no envelope and bans for the rest of the window.
                var retryAfter = TimeSpan.FromSeconds(1);
                _gate.BackOffUntil(_clock.LocalNow + retryAfter);
                return (null, new BybitRefusal(BybitRetCode.TooManyVisits, "HTTP 403", retryAfter));
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: linked.Token).ConfigureAwait(false);
            return Read(document.RootElement, response);
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

    private (BybitAnswer? Answer, BybitRefusal? Refusal) Read(JsonElement root, HttpResponseMessage response)
    {
        var retCode = root.GetProperty("retCode").GetInt32();
        var time = DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("time").GetInt64());
        if (retCode == BybitRetCode.Ok)
        {
            return (new BybitAnswer(root.GetProperty("result").Clone(), time), null);
        }

        var retryAfter = TimeSpan.Zero;
        if (retCode == BybitRetCode.TooManyVisits)
        {
            retryAfter = RetryAfter(response, time);
            _gate.BackOffUntil(_clock.LocalNow + retryAfter);
        }

        return (null, new BybitRefusal(retCode, root.GetProperty("retMsg").GetString() ?? string.Empty, retryAfter));
    }

    // X-Bapi-Limit-Reset-Timestamp is on the venue's clock, so it is measured against the answer's own time, not against
    // the estimated offset (whose error is half a round trip). Without the header, Bybit's window is one second.
    private static TimeSpan RetryAfter(HttpResponseMessage response, DateTimeOffset answeredAt)
    {
        if (response.Headers.TryGetValues("X-Bapi-Limit-Reset-Timestamp", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var resetMs))
        {
            var wait = DateTimeOffset.FromUnixTimeMilliseconds(resetMs) - answeredAt;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(1);
    }
}
