using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceUsdmVenueTradingTests
{
    [Fact]
    public async Task RestingLimit_IsOpenListedAndThenCancelled()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var guard = BinanceHarness.Guard();
        var id = new ClientOrderId("rest-1");

        var ack = await harness.Connector.PlaceOrderAsync(OrderRequest.Limit(id, BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m, 59_000m), guard);
        var open = await harness.Connector.GetOpenOrdersAsync(guard);
        var cancel = await harness.Connector.CancelOrderAsync(id, guard);
        var after = await harness.Connector.GetOrderAsync(id, guard);

        Assert.Equal((id, OrderStatus.Open, 0m), (ack.ClientOrderId, ack.Status, ack.FilledQuantity));
        var listed = Assert.Single(open);
        Assert.Equal((id, 59_000m, 0.01m, OrderType.Limit), (listed.ClientOrderId, listed.Request.Price, listed.Request.Quantity, listed.Request.Type));
        Assert.Equal((OrderStatus.Canceled, 0m), (cancel.Status, cancel.FilledQuantity));
        Assert.Equal(OrderStatus.Canceled, after.Status);
        Assert.Equal(OrderStatus.Canceled, harness.Venue.FindOrder(id)!.Status);
    }

    [Fact]
    public async Task MarketOrder_FillsWithTheVenuesFillsPositionAndWallet()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var guard = BinanceHarness.Guard();
        var id = new ClientOrderId("market-1");

        var ack = await harness.Connector.PlaceOrderAsync(OrderRequest.Market(id, BinanceHarness.BtcUsdt, OrderSide.Buy, 0.5m), guard);
        var order = await harness.Connector.GetOrderAsync(id, guard);
        var position = Assert.Single(await harness.Connector.GetPositionsAsync(guard));
        var balance = Assert.Single(await harness.Connector.GetBalancesAsync(guard));

        var simulated = harness.Venue.FindOrder(id)!;
        Assert.Equal((OrderStatus.Filled, 0.5m), (ack.Status, ack.FilledQuantity));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(simulated.Fills.Select(f => (f.Price, f.Quantity, f.Fee, f.Role, f.At)), order.Fills.Select(f => (f.Price, f.Quantity, f.Fee, f.Role, f.At)));
        Assert.Equal((PositionSide.Long, 0.5m, simulated.AveragePrice), (position.Side, position.Amount, position.AveragePrice));
        var wallet = Assert.Single(harness.Venue.Balances);
        Assert.Equal((wallet.Asset, wallet.Wallet, wallet.Available), (balance.Asset, balance.Wallet, balance.Available));
    }

    [Fact]
    public async Task PostOnlyThatWouldCross_IsRefusedAsPostOnlyWouldCross()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var id = new ClientOrderId("gtx-1");

        var refusal = await Assert.ThrowsAsync<PostOnlyWouldCrossException>(async () =>
            await harness.Connector.PlaceOrderAsync(OrderRequest.PostOnly(id, BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m, 60_100m), BinanceHarness.Guard()));

        Assert.Equal((id, 60_100m), (refusal.ClientOrderId, refusal.Price));
        Assert.Null(harness.Venue.FindOrder(id));
    }

    [Fact]
    public async Task PostOnlyBelowTheAsk_RestsAsPostOnly()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var id = new ClientOrderId("gtx-2");

        await harness.Connector.PlaceOrderAsync(OrderRequest.PostOnly(id, BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m, 59_900m), BinanceHarness.Guard());
        var order = await harness.Connector.GetOrderAsync(id, BinanceHarness.Guard());

        Assert.Equal((OrderStatus.Open, OrderType.LimitMaker), (order.Status, order.Request.Type));
    }

    [Theory]
    [InlineData(VenueError.InsufficientMargin, typeof(InsufficientMarginException))]
    [InlineData(VenueError.BelowMinNotional, typeof(BelowMinNotionalException))]
    [InlineData(VenueError.ReduceOnlyRejected, typeof(ReduceOnlyRejectedException))]
    [InlineData(VenueError.DuplicateClientOrderId, typeof(DuplicateClientOrderIdException))]
    [InlineData(VenueError.InvalidOrder, typeof(InvalidOrderException))]
    public async Task VenueRefusal_ArrivesAsTheSameTypedError(VenueError error, Type expected)
    {
        await using var harness = await BinanceHarness.StartAsync([new RejectOrdersFault(BinanceHarness.Start, 1, error)]);

        var refusal = await Assert.ThrowsAnyAsync<VenueException>(async () => await harness.Connector.PlaceOrderAsync(
            OrderRequest.Limit(new ClientOrderId("refused-1"), BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m, 59_000m), BinanceHarness.Guard()));

        Assert.IsType(expected, refusal);
    }

    [Fact]
    public async Task CancelOfAnUnknownOrder_IsUnknownOrder()
    {
        await using var harness = await BinanceHarness.StartAsync();

        await Assert.ThrowsAsync<UnknownOrderException>(async () => await harness.Connector.CancelOrderAsync(new ClientOrderId("never"), BinanceHarness.Guard()));
    }

    [Fact]
    public async Task PlaceOrder_WhoseAnswerIsLost_IsResolvedByItsClientOrderId()
    {
        await using var harness = await BinanceHarness.StartAsync([new DelayAckFault(BinanceHarness.Start, TimeSpan.FromMinutes(1))], separateClientClock: true);
        var guard = BinanceHarness.Guard();
        var id = new ClientOrderId("lost-1");
        var events = (BinanceSubscription<UserEvent>)harness.Connector.StreamUserEventsAsync(guard);
        await events.Connected;
        await using var reader = events.GetAsyncEnumerator(guard);

        var placing = harness.Connector.PlaceOrderAsync(OrderRequest.Limit(id, BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m, 59_000m), guard).AsTask();
        Assert.True(await reader.MoveNextAsync());
        harness.ServerClock.Advance(TimeSpan.FromSeconds(10));
        harness.ClientClock.Advance(TimeSpan.FromSeconds(10));
        var ack = await placing;

        Assert.Equal((id, OrderEventKind.Accepted), (((OrderUpdated)reader.Current).ClientOrderId, ((OrderUpdated)reader.Current).Event.Kind));
        Assert.Equal((id, OrderStatus.Open), (ack.ClientOrderId, ack.Status));
        harness.ServerClock.Advance(TimeSpan.FromMinutes(1));
    }
}
