using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FundingArb.Venues.Bybit;

namespace FundingArb.Exchange.Tests.Bybit;

/// Plain HTTP against the bybit-v5 server, signed by hand, for what the connector would never send: stale timestamps,
/// wrong keys, bursts past the limit. Timestamps come from the venue's own (virtual) clock, so windows are exact.
internal sealed class BybitRawClient(BybitHarness harness) : IDisposable
{
    private readonly HttpClient _http = new();

    public Task<BybitRawAnswer> GetAsync(string path, string query, bool signed = true) =>
        SendAsync(HttpMethod.Get, path, query, signed ? new Signing() : null);

    public Task<BybitRawAnswer> PostAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body, new Signing());

    public async Task<BybitRawAnswer> SendAsync(HttpMethod method, string path, string payload, Signing? signing)
    {
        var isGet = method == HttpMethod.Get;
        using var request = new HttpRequestMessage(method, new Uri(harness.RestUrl, isGet && payload.Length > 0 ? $"{path}?{payload}" : path));
        if (!isGet)
        {
            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        }

        if (signing is not null)
        {
            var key = signing.ApiKey ?? BybitHarness.Account.ApiKey;
            var timestamp = harness.Clock.GetUtcNow().ToUnixTimeMilliseconds() + signing.TimestampShiftMs;
            request.Headers.Add("X-BAPI-API-KEY", key);
            request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
            request.Headers.Add("X-BAPI-SIGN",
                BybitSigner.SignRequest(signing.ApiSecret ?? BybitHarness.Account.ApiSecret, timestamp, key, 5000, signing.SignedPayload ?? payload));
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new BybitRawAnswer(JsonDocument.Parse(text).RootElement.Clone(), response.Headers);
    }

    public void Dispose() => _http.Dispose();

    /// SignedPayload, when set, is signed in place of what is sent: a request altered on its way.
    internal sealed record Signing(string? ApiKey = null, string? ApiSecret = null, long TimestampShiftMs = 0, string? SignedPayload = null);
}

/// A raw answer: the envelope and the response headers.
internal sealed record BybitRawAnswer(JsonElement Body, HttpResponseHeaders Headers)
{
    public int RetCode => Body.GetProperty("retCode").GetInt32();

    public JsonElement Result => Body.GetProperty("result");

    public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
