using FundingArb.Trading.Orders;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Tests.Bybit;

public sealed class BybitV5VenueFailureTests
{
    [Fact]
    public async Task SignedRequest_WrongSecret_ThrowsAuthenticationFailed()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect(apiSecret: "not-the-secret");

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => venue.GetBalancesAsync(CancellationToken.None).AsTask());

        Assert.DoesNotContain(BybitHarness.Account.ApiSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedRequest_UnknownKey_ThrowsAuthenticationFailed()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect(apiKey: "someone-else");

        await Assert.ThrowsAsync<AuthenticationFailedException>(() => venue.GetPositionsAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task OrderBeyondTheVenuesLimit_ThrowsRateLimited_AndHoldsTheNextRequestUntilTheReset()
    {
        await using var harness = await BybitHarness.StartAsync(TimeProvider.System, ordersPerSecond: 2);
        var venue = harness.Connect(ordersPerSecond: 100);
        await venue.PlaceOrderAsync(harness.Limit("a", OrderSide.Buy, 0.01m, 990m), CancellationToken.None);
        await venue.PlaceOrderAsync(harness.Limit("b", OrderSide.Buy, 0.01m, 990m), CancellationToken.None);

        var limited = await Assert.ThrowsAsync<RateLimitedException>(
            () => venue.PlaceOrderAsync(harness.Limit("c", OrderSide.Buy, 0.01m, 990m), CancellationToken.None).AsTask());
        var refusedAt = TimeProvider.System.GetTimestamp();
        await venue.PlaceOrderAsync(harness.Limit("c", OrderSide.Buy, 0.01m, 990m), CancellationToken.None);
        var held = TimeProvider.System.GetElapsedTime(refusedAt);

        Assert.InRange(limited.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.True(held >= limited.RetryAfter - TimeSpan.FromMilliseconds(20), $"resent after {held}, the venue said {limited.RetryAfter}");
        Assert.Equal(3, harness.Venue.Orders.Length);
    }

    [Fact]
    public async Task Request_WhileTheVenueRateLimits_ThrowsRateLimited_WithTheTimeLeft()
    {
        var start = Venues.Simulation.VirtualClock.DefaultStart;
        await using var harness = await BybitHarness.StartAsync(faults: [new RateLimitFault(start, TimeSpan.FromSeconds(20))]);
        var venue = harness.Connect();

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => venue.GetFundingAsync(BybitHarness.BtcUsdt, CancellationToken.None).AsTask());

        Assert.Equal(TimeSpan.FromSeconds(20), limited.RetryAfter);
    }

    [Fact]
    public async Task HttpForbidden_IsTheIpLimit_ThrowsRateLimited_AndHoldsTheNextRequestForASecond()
    {
        await using var harness = await BybitHarness.StartAsync();
        await using var forbidding = await ExchangeServer.StartAsync(
            [(new ServedVenue(harness.Venue, BybitHarness.Account, harness.Clock), (IVenueProtocol)new ForbiddingProtocol(), 0)]);
        using var venue = new BybitV5Venue(BybitV5Options.AtRoot(BybitHarness.VenueId, forbidding.Endpoints[0].RestUrl, "key", "secret"), TimeProvider.System);

        // Timed from before the first request: the hold runs from when the connector read the 403, which a loaded
        // machine may reach well before the test sees the exception.
        var sentAt = TimeProvider.System.GetTimestamp();
        var first = await Assert.ThrowsAsync<RateLimitedException>(() => venue.GetFundingAsync(BybitHarness.BtcUsdt, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<RateLimitedException>(() => venue.GetFundingAsync(BybitHarness.BtcUsdt, CancellationToken.None).AsTask());
        var held = TimeProvider.System.GetElapsedTime(sentAt);

        Assert.Equal(TimeSpan.FromSeconds(1), first.RetryAfter);
        Assert.True(held >= TimeSpan.FromSeconds(1), $"the second request came back {held} after the first was sent");
    }

    [Fact]
    public async Task OrdersBeyondTheClientsPace_WaitTheirTurn_InsteadOfBeingRefused()
    {
        await using var harness = await BybitHarness.StartAsync(TimeProvider.System, ordersPerSecond: 10);
        var venue = harness.Connect(ordersPerSecond: 2);
        var start = TimeProvider.System.GetTimestamp();

        foreach (var id in new[] { "a", "b", "c" })
        {
            await venue.PlaceOrderAsync(harness.Limit(id, OrderSide.Buy, 0.01m, 990m), CancellationToken.None);
        }

        Assert.True(TimeProvider.System.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(980), "the third order went out within the second");
        Assert.Equal(3, harness.Venue.Orders.Length);
    }

    [Fact]
    public async Task PlaceOrderAsync_AnswerLostAfterTheVenueTookTheOrder_ReturnsTheOrdersAck()
    {
        var clock = TimeProvider.System;
        await using var harness = await BybitHarness.StartAsync(clock, [new DelayAckFault(clock.GetUtcNow(), TimeSpan.FromSeconds(5))],
            requestTimeout: TimeSpan.FromMilliseconds(300));
        var venue = harness.Connect();

        var ack = await venue.PlaceOrderAsync(harness.Limit("lost-1", OrderSide.Buy, 0.01m, 990m), CancellationToken.None);

        var recorded = Assert.Single(harness.Venue.Orders).Order;
        Assert.Equal((recorded.ClientOrderId, recorded.VenueOrderId), (ack.ClientOrderId, ack.VenueOrderId));
    }

    [Fact]
    public async Task PlaceOrderAsync_AnswerLostAndTheVenueHasNoSuchOrder_ThrowsTheTimeout()
    {
        await using var harness = await BybitHarness.StartAsync(faults: [new RejectOrdersFault(Venues.Simulation.VirtualClock.DefaultStart, 1, VenueError.Timeout)]);
        var venue = harness.Connect();

        var error = await Assert.ThrowsAsync<VenueTimeoutException>(
            () => venue.PlaceOrderAsync(harness.Limit("lost-2", OrderSide.Buy, 0.01m, 990m), CancellationToken.None).AsTask());

        Assert.True(error.OutcomeUnknown);
        Assert.Empty(harness.Venue.Orders);
    }

    [Fact]
    public void Options_NeverPrintTheSecret()
    {
        var options = BybitV5Options.AtRoot(BybitHarness.VenueId, new Uri("http://127.0.0.1:1"), "key", "very-secret");

        Assert.DoesNotContain("very-secret", options.ToString(), StringComparison.Ordinal);
        Assert.Equal(("ws://127.0.0.1:1/v5/public/linear", "ws://127.0.0.1:1/v5/private"),
            (options.PublicStreamUrl.AbsoluteUri, options.PrivateStreamUrl.AbsoluteUri));
    }

    // Bybit's IP limit: a bare HTTP 403, no envelope.
    private sealed class ForbiddingProtocol : IVenueProtocol
    {
        public string Name => "forbidding";

        public string WebSocketPath => "/v5/public/linear";

        public void Map(IEndpointRouteBuilder routes, ServedVenue venue) =>
            routes.MapGet("/v5/market/tickers", () => Results.StatusCode(StatusCodes.Status403Forbidden));
    }
}
