using FundingArb.Exchange.Okx;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Okx;

/// 50011 (HTTP 429) reaches the caller as RateLimitedException, and the connector holds every later request back for
/// its backoff; its own pace keeps place and cancel within OKX's per-instrument limit.
public sealed class OkxRateLimitTests
{
    [Fact]
    public async Task OrderOverTheServersLimit_ThrowsRateLimitedAndTheNextRequestWaitsOutTheBackoff()
    {
        // The server's window must still be open for the second order and closed once the backoff has passed.
        var backoff = TimeSpan.FromMilliseconds(2500);
        await using var exchange = await OkxExchange.StartAsync(
            protocol: new OkxV5Protocol { OrderRequestsPerWindow = 1, OrderRequestWindow = TimeSpan.FromSeconds(2) },
            options: o => o with { RateLimitBackoff = backoff });
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId("rl1"), instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10));

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => exchange.Connector.PlaceOrderAsync(
            OrderRequest.Limit(new ClientOrderId("rl2"), instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10)).AsTask());
        var refusedAt = TimeProvider.System.GetTimestamp();
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId("rl3"), instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10));

        Assert.Equal(backoff, limited.RetryAfter);
        Assert.True(TimeProvider.System.GetElapsedTime(refusedAt) >= backoff - TimeSpan.FromMilliseconds(20));
        Assert.Null(exchange.Venue.FindOrder(new ClientOrderId("rl2")));
        Assert.NotNull(exchange.Venue.FindOrder(new ClientOrderId("rl3")));
    }

    [Fact]
    public async Task VenueRateLimitFault_IsServedAs429With50011AndThrownAsRateLimited()
    {
        await using var exchange = await OkxExchange.StartAsync(faults: [new RateLimitFault(DateTimeOffset.UnixEpoch, TimeSpan.FromDays(365 * 100))]);

        var (status, body) = await OkxRaw.SendAsync(exchange, HttpMethod.Get, "/api/v5/public/funding-rate?instId=BTC-USDT-SWAP", string.Empty, null);

        Assert.Equal((429, "50011"), (status, body.RootElement.GetProperty("code").GetString()));
        await Assert.ThrowsAsync<RateLimitedException>(() => exchange.Connector.GetInstrumentsAsync(Deadline.Seconds(10)).AsTask());
    }

    [Fact]
    public async Task OrdersBeyondTheClientsPace_WaitForTheWindowInsteadOfBeingRefused()
    {
        // The client's window is the server's plus a margin: its clock starts a window at sending, the server's at arrival.
        var window = TimeSpan.FromSeconds(1);
        await using var exchange = await OkxExchange.StartAsync(
            protocol: new OkxV5Protocol { OrderRequestsPerWindow = 2, OrderRequestWindow = TimeSpan.FromMilliseconds(200) },
            options: o => o with { OrderRequestsPerWindow = 2, OrderRequestWindow = window });
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        var started = TimeProvider.System.GetTimestamp();

        for (var i = 1; i <= 3; i++)
        {
            await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId($"pace{i}"), instrument, OrderSide.Buy, 0.01m, 58000m),
                Deadline.Seconds(10));
        }

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= window - TimeSpan.FromMilliseconds(20));
        Assert.Equal(3, exchange.Venue.Orders.Length);
    }
}
