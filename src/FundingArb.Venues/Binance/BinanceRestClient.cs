using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Binance;

// Signed requests put every parameter in the query string, then timestamp and recvWindow, then the signature over
// exactly that text (Binance takes POST and DELETE parameters in the query as well as in a form body). The URL thus
// carries the signature: it is never logged, and no exception raised here includes it.

/// Sends Binance REST requests: weight budget, clock offset, signing, and typed errors.
internal sealed class BinanceRestClient(BinanceUsdmOptions options, HttpClient http, TimeProvider time) : IDisposable
{
    private const string ApiKeyHeader = "X-MBX-APIKEY";
    private const string UsedWeightHeader = "X-MBX-USED-WEIGHT-1M";

    // Binance's answer to a 429 without Retry-After: the rest of the minute at most.
    private static readonly TimeSpan s_defaultBackOff = TimeSpan.FromMinutes(1);

    private readonly BinanceWeightLimiter _limiter = new(time, options.RequestWeightPerMinute);
    private readonly BinanceClock _clock = new(time);

    public BinanceClock Clock => _clock;

    public async Task<JsonElement> SendAsync(BinanceCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (call.Auth == BinanceAuth.Signed && !_clock.IsSynced)
        {
            await SyncClockAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_limiter.BackOffRemaining() is { } remaining)
        {
            throw new RateLimitedException(options.Venue, remaining);
        }

        await _limiter.AcquireAsync(call.Weight, cancellationToken).ConfigureAwait(false);
        var query = Query(call);
        using var request = new HttpRequestMessage(call.Method, new Uri(options.RestUrl, query.Length == 0 ? call.Path : $"{call.Path}?{query}"));
        if (call.Auth != BinanceAuth.None)
        {
            request.Headers.Add(ApiKeyHeader, options.ApiKey);
        }

        using var deadline = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpStatusCode status;
        string body;
        TimeSpan? retryAfter;
        try
        {
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta;
            if (response.Headers.TryGetValues(UsedWeightHeader, out var used)
                && int.TryParse(used.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                _limiter.Observe(weight);
            }

            body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw new VenueTimeoutException(options.Venue, options.RequestTimeout);
        }
        catch (HttpRequestException error)
        {
            // A refused connection sent nothing; any later failure may have lost the answer to a request that acted.
            throw new VenueUnavailableException(options.Venue, answerLost: error.HttpRequestError != HttpRequestError.ConnectionError && call.Method != HttpMethod.Get);
        }

        if (status is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
        {
            var wait = retryAfter ?? s_defaultBackOff;
            _limiter.BackOff(wait);
            throw new RateLimitedException(options.Venue, wait);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        if (status == HttpStatusCode.OK)
        {
            return root;
        }

        var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) && c.TryGetInt32(out var number) ? number : 0;
        var message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msg", out var m) ? m.GetString() ?? string.Empty : body;
        if (code == -1021)
        {
            _clock.Invalidate();
        }

        throw (int)status >= 500 && code == 0
            ? new VenueUnavailableException(options.Venue, answerLost: call.Method != HttpMethod.Get)
            : BinanceErrorMapping.ToException(options.Venue, call, code, message, options.RequestTimeout);
    }

    public void Dispose() => http.Dispose();

    private async Task SyncClockAsync(CancellationToken cancellationToken)
    {
        var sent = _clock.LocalNow.ToUnixTimeMilliseconds();
        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/time", [], BinanceAuth.None, 1), cancellationToken).ConfigureAwait(false);
        _clock.Sync(sent, BinanceJson.Long(answer, "serverTime"), _clock.LocalNow.ToUnixTimeMilliseconds());
    }

    private string Query(BinanceCall call)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in call.Parameters)
        {
            Append(text, name, value);
        }

        if (call.Auth == BinanceAuth.Signed)
        {
            Append(text, "timestamp", _clock.NowMs.ToString(CultureInfo.InvariantCulture));
            Append(text, "recvWindow", ((long)options.RecvWindow.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            Append(text, "signature", BinanceSigner.Sign(options.ApiSecret, text.ToString()));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, string value)
    {
        if (text.Length > 0)
        {
            text.Append('&');
        }

        text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
