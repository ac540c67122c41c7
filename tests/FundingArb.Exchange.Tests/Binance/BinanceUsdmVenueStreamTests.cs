using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceUsdmVenueStreamTests
{
    [Fact]
    public async Task UserStream_DeliversAcceptanceAndFillWithFeeAndRole()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var guard = BinanceHarness.Guard();
        var events = (BinanceSubscription<UserEvent>)harness.Connector.StreamUserEventsAsync(guard);
        await events.Connected;
        await using var reader = events.GetAsyncEnumerator(guard);
        var id = new ClientOrderId("stream-1");

        await harness.Connector.PlaceOrderAsync(OrderRequest.Market(id, BinanceHarness.BtcUsdt, OrderSide.Sell, 0.2m), guard);
        Assert.True(await reader.MoveNextAsync());
        var accepted = Assert.IsType<OrderUpdated>(reader.Current);
        Assert.True(await reader.MoveNextAsync());
        var filled = Assert.IsType<OrderFilled>(reader.Current);

        var fill = Assert.Single(harness.Venue.FindOrder(id)!.Fills);
        Assert.Equal((id, OrderEventKind.Accepted, OrderStatus.Open), (accepted.ClientOrderId, accepted.Event.Kind, accepted.Status));
        Assert.Equal((fill.Price, fill.Quantity, fill.Fee, fill.Role, fill.Side), (filled.Fill.Price, filled.Fill.Quantity, filled.Fill.Fee, filled.Fill.Role, filled.Fill.Side));
        Assert.Equal((0.2m, OrderStatus.Filled, BinanceHarness.Btc), (filled.FilledQuantity, filled.Status, filled.Symbol));
    }

    [Fact]
    public async Task FundingSettlement_ArrivesOnTheStreamAndInTheHistoryAsTheVenuePaidIt()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var guard = BinanceHarness.Guard();
        await harness.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("hold-1"), BinanceHarness.EthUsdt, OrderSide.Sell, 2m), guard);
        var events = (BinanceSubscription<UserEvent>)harness.Connector.StreamUserEventsAsync(guard);
        await events.Connected;
        await using var reader = events.GetAsyncEnumerator(guard);

        harness.ServerClock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await reader.MoveNextAsync());
        var settled = Assert.IsType<FundingSettled>(reader.Current);
        var history = await harness.Connector.GetFundingHistoryAsync(BinanceHarness.Eth, BinanceHarness.Start, guard);

        var paid = Assert.Single(harness.Venue.FundingPayments);
        Assert.Equal(Shape(paid), Shape(settled.Payment));
        Assert.Equal(Shape(paid), Shape(Assert.Single(history)));
    }

    [Fact]
    public async Task DroppedConnection_EndsTheUserStreamWithVenueUnavailable()
    {
        await using var harness = await BinanceHarness.StartAsync([new DisconnectFault(BinanceHarness.Start.AddSeconds(1), TimeSpan.FromSeconds(30))]);
        var guard = BinanceHarness.Guard();
        var events = (BinanceSubscription<UserEvent>)harness.Connector.StreamUserEventsAsync(guard);
        await events.Connected;
        await using var reader = events.GetAsyncEnumerator(guard);

        var reading = reader.MoveNextAsync().AsTask();
        harness.ServerClock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<VenueUnavailableException>(() => reading);
    }

    [Fact]
    public async Task DroppedConnection_EndsTheBookStreamWithVenueUnavailable()
    {
        await using var harness = await BinanceHarness.StartAsync([new DisconnectFault(BinanceHarness.Start.AddSeconds(2), TimeSpan.FromSeconds(30))]);
        var guard = BinanceHarness.Guard();
        await using var reader = harness.Connector.StreamOrderBookAsync(BinanceHarness.Eth, 10, guard).GetAsyncEnumerator(guard);
        Assert.True(await reader.MoveNextAsync());

        harness.ServerClock.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<VenueUnavailableException>(async () =>
        {
            while (await reader.MoveNextAsync())
            {
            }
        });
    }

    private static (string Symbol, Trading.Positions.PositionSide Side, decimal Size, decimal Price, decimal Rate, decimal Amount, DateTimeOffset At) Shape(
        Trading.Funding.FundingPayment payment) =>
        (payment.Symbol.Value, payment.Side, payment.Size, payment.Price, payment.Rate, payment.Amount, payment.At);
}
