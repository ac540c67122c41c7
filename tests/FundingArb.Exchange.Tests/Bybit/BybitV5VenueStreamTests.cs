using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;
using FundingArb.Venues.Wire;

namespace FundingArb.Exchange.Tests.Bybit;

public sealed class BybitV5VenueStreamTests
{
    [Fact]
    public async Task UserStream_MarketOrder_ArrivesAcceptedThenFilled()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var stream = (WebSocketSubscription<UserEvent>)venue.StreamUserEventsAsync(stop.Token);
        await stream.Subscribed.WaitAsync(BybitHarness.Deadline);
        await using var events = stream.GetAsyncEnumerator(stop.Token);

        await venue.PlaceOrderAsync(harness.Market("take-1", OrderSide.Buy, 0.1m), CancellationToken.None);

        var accepted = Assert.IsType<OrderUpdated>(await BybitHarness.NextAsync(events));
        var filled = Assert.IsType<OrderFilled>(await BybitHarness.NextAsync(events));
        Assert.Equal((OrderEventKind.Accepted, OrderStatus.Open, 1L), (accepted.Event.Kind, accepted.Status, accepted.Sequence));
        Assert.Equal((OrderStatus.Filled, 0.1m, 2L), (filled.Status, filled.FilledQuantity, filled.Sequence));
        Assert.Equal(harness.Venue.Orders[0].Order.Fills[0], filled.Fill);
    }

    [Fact]
    public async Task PostOnlyThatWouldCross_IsAcknowledged_ThenArrivesCancelledWithThePostOnlyReason()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var stream = (WebSocketSubscription<UserEvent>)venue.StreamUserEventsAsync(stop.Token);
        await stream.Subscribed.WaitAsync(BybitHarness.Deadline);
        await using var events = stream.GetAsyncEnumerator(stop.Token);

        var ack = await venue.PlaceOrderAsync(harness.PostOnly("maker-1", OrderSide.Buy, 0.01m, 1000.5m), CancellationToken.None);

        Assert.Equal(OrderStatus.Open, ack.Status);
        Assert.Equal(OrderEventKind.Accepted, Assert.IsType<OrderUpdated>(await BybitHarness.NextAsync(events)).Event.Kind);
        var cancelled = Assert.IsType<OrderUpdated>(await BybitHarness.NextAsync(events));
        Assert.Equal((OrderEventKind.Canceled, OrderStatus.Canceled, nameof(VenueError.PostOnlyWouldCross)),
            (cancelled.Event.Kind, cancelled.Status, cancelled.Event.Reason));
        var order = await venue.GetOrderAsync(new ClientOrderId("maker-1"), CancellationToken.None);
        Assert.Equal((OrderStatus.Canceled, nameof(VenueError.PostOnlyWouldCross)), (order.Status, order.Reason));
    }

    [Fact]
    public async Task UserStream_SettlementOnAnOpenPosition_ArrivesAsFundingSettled()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        await venue.PlaceOrderAsync(harness.Market("long-1", OrderSide.Buy, 0.1m), CancellationToken.None);
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var stream = (WebSocketSubscription<UserEvent>)venue.StreamUserEventsAsync(stop.Token);
        await stream.Subscribed.WaitAsync(BybitHarness.Deadline);
        await using var events = stream.GetAsyncEnumerator(stop.Token);

        harness.Advance(TimeSpan.FromHours(8));

        var settled = Assert.IsType<FundingSettled>(await BybitHarness.NextAsync(events));
        var expected = Assert.Single(harness.Venue.FundingPayments);
        Assert.Equal((expected.Amount, expected.Rate, expected.Size, expected.Side, expected.At),
            (settled.Payment.Amount, settled.Payment.Rate, settled.Payment.Size, settled.Payment.Side, settled.At));
    }

    [Fact]
    public async Task UserStream_VenueLiquidatesThePosition_ArrivesAsPositionLiquidated()
    {
        await using var harness = await BybitHarness.StartAsync(balance: 1_000m, market: (start, flat) =>
            new MarketSettings(flat.Instrument, new PricePathModel([new PricePoint(start, 1000m), new PricePoint(start.AddHours(1), 800m)]))
            {
                SpreadBps = flat.SpreadBps, Depth = flat.Depth, Funding = flat.Funding,
            });
        var venue = harness.Connect();
        await venue.PlaceOrderAsync(harness.Market("long-1", OrderSide.Buy, 5m), CancellationToken.None);
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var stream = (WebSocketSubscription<UserEvent>)venue.StreamUserEventsAsync(stop.Token);
        await stream.Subscribed.WaitAsync(BybitHarness.Deadline);
        await using var events = stream.GetAsyncEnumerator(stop.Token);

        harness.Advance(TimeSpan.FromHours(1));

        var liquidated = Assert.IsType<PositionLiquidated>(await BybitHarness.NextAsync(events));
        var expected = Assert.Single(harness.Venue.EventLog.OfType<PositionLiquidated>());
        Assert.Equal((BybitHarness.BtcUsdt, 5m, expected.Price, expected.RealizedPnl, expected.At),
            (liquidated.Symbol, liquidated.Quantity, liquidated.Price, liquidated.RealizedPnl, liquidated.At));
    }

    [Fact]
    public async Task BookStream_SendsTheVenuesBook_AndEveryNewOne()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var stream = (WebSocketSubscription<OrderBookSnapshot>)venue.StreamOrderBookAsync(BybitHarness.BtcUsdt, 3, stop.Token);
        await stream.Subscribed.WaitAsync(BybitHarness.Deadline);
        await using var books = stream.GetAsyncEnumerator(stop.Token);

        var first = await BybitHarness.NextAsync(books);
        harness.Advance(TimeSpan.FromSeconds(1));
        var next = await BybitHarness.NextAsync(books);

        var expected = await harness.Venue.GetOrderBookAsync(BybitHarness.BtcUsdt, 3, CancellationToken.None);
        Assert.Equal([.. expected.Bids], [.. first.Bids]);
        Assert.Equal([.. expected.Asks], [.. first.Asks]);
        Assert.Equal(3, next.Bids.Length);
        Assert.True(next.Sequence > first.Sequence, $"sequence {next.Sequence} after {first.Sequence}");
    }

    [Fact]
    public async Task Streams_VenueDropsTheConnection_EndWithVenueUnavailable()
    {
        var clock = new VirtualClock();
        await using var harness = await BybitHarness.StartAsync(clock, [new DisconnectFault(clock.GetUtcNow().AddMinutes(1), TimeSpan.FromMinutes(1))]);
        var venue = harness.Connect();
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var users = (WebSocketSubscription<UserEvent>)venue.StreamUserEventsAsync(stop.Token);
        var books = (WebSocketSubscription<OrderBookSnapshot>)venue.StreamOrderBookAsync(BybitHarness.BtcUsdt, 1, stop.Token);
        await Task.WhenAll(users.Subscribed, books.Subscribed).WaitAsync(BybitHarness.Deadline);

        harness.Advance(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<VenueUnavailableException>(() => DrainAsync(users, stop.Token));
        await Assert.ThrowsAsync<VenueUnavailableException>(() => DrainAsync(books, stop.Token));
    }

    [Fact]
    public async Task UserStream_WrongSecret_FailsWithAuthenticationFailed()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect(apiSecret: "not-the-secret");
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);

        var stream = (WebSocketSubscription<UserEvent>)venue.StreamUserEventsAsync(stop.Token);

        await Assert.ThrowsAsync<AuthenticationFailedException>(() => stream.Subscribed.WaitAsync(BybitHarness.Deadline));
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => DrainAsync(stream, stop.Token));
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> stream, CancellationToken cancellationToken)
    {
        await foreach (var _ in stream.WithCancellation(cancellationToken))
        {
        }

        Assert.Fail("the stream ended without an error");
    }
}
