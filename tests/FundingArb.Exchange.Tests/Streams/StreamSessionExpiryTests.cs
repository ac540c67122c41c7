using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;

namespace FundingArb.Exchange.Tests.Streams;

// The private session ends at the venue while the stream is open and idle: Binance's listen key lapses without its
// keep-alive (the venue pushes listenKeyExpired and then nothing), Bybit cuts a session silent for 10 minutes and OKX
// one silent for 30 s. The connectors here neither keep the key alive nor ping within that time. The stream must end
// as a drop, so the reader reconciles, and the next subscription must get a new key or log in again: a fill after the
// expiry arrives on it.
public sealed class StreamSessionExpiryTests
{
    [Theory]
    [InlineData(ServedConnector.Binance, 60 * 60)]
    [InlineData(ServedConnector.Bybit, 10 * 60)]
    [InlineData(ServedConnector.Okx, 30)]
    public async Task PrivateSession_ExpiringWhileTheStreamIsOpen_EndsItAsADrop_AndTheNextSubscriptionCarriesTheNextFill(string protocol, int lapseSeconds)
    {
        await using var served = await ServedConnector.StartAsync(protocol, connect: Silent);
        var instrument = await served.InstrumentAsync();
        var guard = ServedConnector.Guard();
        await using (var expiring = await served.SubscribeAsync(guard))
        {
            served.Clock.Advance(TimeSpan.FromSeconds(lapseSeconds));

            await Assert.ThrowsAsync<VenueUnavailableException>(async () =>
            {
                while (await expiring.MoveNextAsync())
                {
                }
            });
        }

        await using var renewed = await served.SubscribeAsync(guard);
        var id = new ClientOrderId("afterexpiry1");
        await served.Connector.PlaceOrderAsync(OrderRequest.Market(id, instrument, OrderSide.Buy, 0.1m), guard);

        var filled = await FirstFillAsync(renewed);
        var fill = Assert.Single(served.Venue.FindOrder(id)!.Fills);
        Assert.Equal((id, fill.Price, fill.Quantity, fill.Fee.Amount), (filled.Fill.ClientOrderId, filled.Fill.Price, filled.Fill.Quantity, filled.Fill.Fee.Amount));
    }

    /// A connector that lets its session lapse: no listen-key keep-alive, no ping, within the test's time.
    private static object Silent(object options) => options switch
    {
        BinanceUsdmOptions binance => binance with { ListenKeyKeepAlive = TimeSpan.FromHours(2) },
        BybitV5Options bybit => bybit with { PingInterval = TimeSpan.FromHours(2) },
        OkxV5Options okx => okx with { PingInterval = TimeSpan.FromHours(2) },
        _ => options,
    };

    private static async Task<OrderFilled> FirstFillAsync(IAsyncEnumerator<UserEvent> events)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current is OrderFilled filled)
            {
                return filled;
            }
        }

        throw new InvalidOperationException("The renewed user stream ended before the fill.");
    }
}
