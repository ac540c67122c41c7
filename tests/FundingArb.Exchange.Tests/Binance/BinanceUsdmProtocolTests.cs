using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceUsdmProtocolTests
{
    private static readonly TimeSpan s_listenKeyValidity = TimeSpan.FromMinutes(60);

    [Fact]
    public async Task UsedWeightHeader_CountsBinancesWeightsOnEveryAnswerRefusalsIncluded()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Endpoint.RestUrl };

        using var depth = await http.GetAsync(new Uri("/fapi/v1/depth?symbol=BTCUSDT&limit=100", UriKind.Relative), BinanceHarness.Guard());
        using var all = await http.GetAsync(new Uri("/fapi/v1/premiumIndex", UriKind.Relative), BinanceHarness.Guard());
        using var refused = await http.GetAsync(new Uri("/fapi/v2/balance", UriKind.Relative), BinanceHarness.Guard());

        Assert.Equal(["5", "15", "20"], new[] { depth, all, refused }.Select(r => r.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task WeightOverTheMinutesLimit_IsRefusedWith429AndRetryAfterUntilTheNextMinute()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Endpoint.RestUrl };
        for (var i = 0; i < 2400 / 40; i++)
        {
            using var allowed = await http.GetAsync(new Uri("/fapi/v1/exchangeInfo", UriKind.Relative), BinanceHarness.Guard());
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await http.GetAsync(new Uri("/fapi/v1/time", UriKind.Relative), BinanceHarness.Guard());
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(BinanceHarness.Guard()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(-1003, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task RequestAfterA429BeforeItsWait_BansTheIpWith418_AndTheConnectorWaitsOutTheBan()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Endpoint.RestUrl };
        for (var i = 0; i < 2400 / 40; i++)
        {
            using var allowed = await http.GetAsync(new Uri("/fapi/v1/exchangeInfo", UriKind.Relative), BinanceHarness.Guard());
        }

        using var limited = await http.GetAsync(new Uri("/fapi/v1/time", UriKind.Relative), BinanceHarness.Guard());
        using var banned = await http.GetAsync(new Uri("/fapi/v1/time", UriKind.Relative), BinanceHarness.Guard());
        using var body = JsonDocument.Parse(await banned.Content.ReadAsStringAsync(BinanceHarness.Guard()));
        var refusal = await Assert.ThrowsAsync<Venues.Errors.RateLimitedException>(async () =>
            await harness.Connector.GetMarkPriceAsync(BinanceHarness.Btc, BinanceHarness.Guard()));
        harness.ServerClock.Advance(TimeSpan.FromMinutes(2));
        var mark = await harness.Connector.GetMarkPriceAsync(BinanceHarness.Btc, BinanceHarness.Guard());

        Assert.Equal((HttpStatusCode.TooManyRequests, (HttpStatusCode)418), (limited.StatusCode, banned.StatusCode));
        Assert.Equal((-1003, TimeSpan.FromMinutes(2)), (body.RootElement.GetProperty("code").GetInt32(), banned.Headers.RetryAfter?.Delta));
        Assert.Equal(TimeSpan.FromMinutes(2), refusal.RetryAfter);
        Assert.Equal(BinanceHarness.Start.AddMinutes(2), mark.At);
    }

    [Fact]
    public async Task ListenKey_LapsingWhileItsStreamIsOpen_PushesListenKeyExpiredNamingTheKey()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Endpoint.RestUrl };
        http.DefaultRequestHeaders.Add("X-MBX-APIKEY", BinanceHarness.ApiKey);
        using var created = await http.PostAsync(new Uri("/fapi/v1/listenKey", UriKind.Relative), null, BinanceHarness.Guard());
        using var document = JsonDocument.Parse(await created.Content.ReadAsStringAsync(BinanceHarness.Guard()));
        var key = document.RootElement.GetProperty("listenKey").GetString();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(harness.Endpoint.WebSocketUrl, $"/private/ws?listenKey={key}"), BinanceHarness.Guard());

        harness.ServerClock.Advance(s_listenKeyValidity);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, BinanceHarness.Guard());
        using var expired = JsonDocument.Parse(buffer.AsMemory(0, received.Count));

        Assert.Equal("listenKeyExpired", expired.RootElement.GetProperty("e").GetString());
        Assert.Equal(key, expired.RootElement.GetProperty("listenKey").GetString());
        Assert.Equal(BinanceHarness.Start.AddMinutes(60).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            expired.RootElement.GetProperty("E").GetString());
    }

    [Fact]
    public async Task ListenKey_NotKeptAliveForAnHour_NoLongerOpensTheUserStream()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Endpoint.RestUrl };
        http.DefaultRequestHeaders.Add("X-MBX-APIKEY", BinanceHarness.ApiKey);
        using var created = await http.PostAsync(new Uri("/fapi/v1/listenKey", UriKind.Relative), null, BinanceHarness.Guard());
        using var document = JsonDocument.Parse(await created.Content.ReadAsStringAsync(BinanceHarness.Guard()));
        var key = document.RootElement.GetProperty("listenKey").GetString();

        harness.ServerClock.Advance(TimeSpan.FromMinutes(60));
        using var keepAlive = await http.PutAsync(new Uri("/fapi/v1/listenKey", UriKind.Relative), null, BinanceHarness.Guard());
        using var socket = new ClientWebSocket();

        Assert.Equal(HttpStatusCode.BadRequest, keepAlive.StatusCode);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(harness.Endpoint.WebSocketUrl, $"/private/ws?listenKey={key}"), BinanceHarness.Guard()));
    }
}
