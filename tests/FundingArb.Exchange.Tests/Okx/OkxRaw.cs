using System.Text.Json;
using FundingArb.Venues.Okx;

namespace FundingArb.Exchange.Tests.Okx;

/// Requests to the okx-v5 server without the connector, to see the wire itself (status, codes, sizes).
internal static class OkxRaw
{
    public static Task<(int Status, JsonDocument Body)> SendAsync(OkxExchange exchange, HttpMethod method, string requestPath, string body,
        Action<HttpRequestMessage>? sign) => SendAsync(exchange.RestUrl, method, requestPath, body, sign);

    public static async Task<JsonDocument> GetSignedAsync(OkxExchange exchange, string requestPath)
    {
        var now = await ServerTimeAsync(exchange);
        var (status, body) = await SendAsync(exchange, HttpMethod.Get, requestPath, string.Empty,
            m => Sign(m, OkxExchange.Account.ApiSecret, OkxExchange.Account.Passphrase!, now, requestPath, string.Empty));
        Assert.Equal(200, status);
        return body;
    }

    public static void Sign(HttpRequestMessage message, string secret, string passphrase, DateTimeOffset at, string requestPath, string body)
    {
        var timestamp = OkxSigner.Timestamp(at);
        message.Headers.Add("OK-ACCESS-KEY", OkxExchange.Account.ApiKey);
        message.Headers.Add("OK-ACCESS-SIGN", OkxSigner.SignRequest(secret, timestamp, message.Method.Method, requestPath, body));
        message.Headers.Add("OK-ACCESS-TIMESTAMP", timestamp);
        message.Headers.Add("OK-ACCESS-PASSPHRASE", passphrase);
        message.Headers.Add("x-simulated-trading", "1");
    }

    public static async Task<DateTimeOffset> ServerTimeAsync(OkxExchange exchange)
    {
        var (_, body) = await SendAsync(exchange, HttpMethod.Get, "/api/v5/public/time", string.Empty, null);
        using (body)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(body.RootElement.GetProperty("data")[0].GetProperty("ts").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<(int Status, JsonDocument Body)> SendAsync(Uri root, HttpMethod method, string requestPath, string body,
        Action<HttpRequestMessage>? sign)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(method, new Uri(root, requestPath));
        if (method != HttpMethod.Get)
        {
            message.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        sign?.Invoke(message);
        using var response = await http.SendAsync(message, Deadline.Seconds(10));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Deadline.Seconds(10))));
    }
}
