using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Errors;

namespace FundingArb.Exchange.Tests.Streams;

// The exchange drops the venue's WebSocket (POST /admin/faults, as a script would) while a resting buy fills in five
// parts of 0.1 BTC, one a step. The first part arrives on the stream; the second happens while the connector is cut
// off; the rest arrive on a new subscription. A reader that keeps each trade once by its id, from the streams and from
// the order read back through REST (what the node's order actor does), must then hold every fill exactly once: the
// trade ids, quantities and fees a connector reports for a fill are the same on the stream and through REST.
public sealed class UserStreamDropTests
{
    [Theory]
    [InlineData(ServedConnector.Binance)]
    [InlineData(ServedConnector.Bybit)]
    [InlineData(ServedConnector.Okx)]
    public async Task UserStream_DroppedMidFill_EveryFillCountedOnceAfterReconcilingThroughRest(string protocol)
    {
        await using var served = await ServedConnector.StartAsync(protocol);
        var instrument = await served.InstrumentAsync();
        var id = new ClientOrderId("dropmidfill1");
        var guard = ServedConnector.Guard();
        var streamed = new List<Fill>();
        await using (var first = await served.SubscribeAsync(guard))
        {
            await served.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.5m, 999m), guard);
            served.Clock.AdvanceTo(ServedConnector.DipAt);
            streamed.Add(await NextFillAsync(first));

            await served.PostFaultAsync("""{"kind":"disconnect","duration":"1500ms"}""");
            await Assert.ThrowsAsync<VenueUnavailableException>(() => DrainAsync(first));
        }

        served.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0.2m, served.Venue.FindOrder(id)!.FilledQuantity);
        served.Clock.Advance(TimeSpan.FromMilliseconds(600));
        await using (var second = await served.SubscribeAsync(guard))
        {
            served.Clock.Advance(TimeSpan.FromMilliseconds(400));
            streamed.Add(await NextFillAsync(second));
            served.Clock.Advance(TimeSpan.FromSeconds(2));
            streamed.Add(await NextFillAsync(second));
            streamed.Add(await NextFillAsync(second));
        }

        var order = await served.Connector.GetOrderAsync(id, guard);
        var counted = new Dictionary<string, Fill>();
        foreach (var fill in streamed.Concat(order.Fills))
        {
            counted.TryAdd(fill.TradeId, fill);
        }

        var venueFills = served.Venue.FindOrder(id)!.Fills;
        var position = Assert.Single(await served.Connector.GetPositionsAsync(guard));
        Assert.Equal(4, streamed.Select(f => f.TradeId).Distinct().Count());
        Assert.Equal((OrderStatus.Filled, 5), (order.Status, order.Fills.Length));
        Assert.All(streamed, fill => Assert.Equal(Shape(fill), Shape(order.Fills.Single(f => f.TradeId == fill.TradeId))));
        Assert.Equal(venueFills.Select(Shape), counted.Values.OrderBy(f => f.At).Select(Shape));
        Assert.Equal((0.5m, venueFills.Sum(f => f.Fee.Amount)), (counted.Values.Sum(f => f.Quantity), counted.Values.Sum(f => f.Fee.Amount)));
        Assert.Equal(0.5m, position.Amount);
    }

    private static (decimal Price, decimal Quantity, decimal Fee, LiquidityRole Role, DateTimeOffset At) Shape(Fill fill) =>
        (fill.Price, fill.Quantity, fill.Fee.Amount, fill.Role, fill.At);

    private static async Task<Fill> NextFillAsync(IAsyncEnumerator<UserEvent> events)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current is OrderFilled filled)
            {
                return filled.Fill;
            }
        }

        throw new InvalidOperationException("The user stream ended before the next fill.");
    }

    private static async Task DrainAsync(IAsyncEnumerator<UserEvent> events)
    {
        while (await events.MoveNextAsync())
        {
            Assert.IsNotType<OrderFilled>(events.Current);
        }
    }
}
