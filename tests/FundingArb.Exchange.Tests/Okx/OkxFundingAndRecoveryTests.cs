using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;
using FundingArb.Venues.Wire;

namespace FundingArb.Exchange.Tests.Okx;

/// Funding as OKX reports it (bills of type 8, no stream event of its own) and placement whose answer was lost.
public sealed class OkxFundingAndRecoveryTests
{
    private static readonly DateTimeOffset s_firstSettlement = OkxExchange.VirtualStart.AddHours(8);

    [Fact]
    public async Task Settlement_OnALong_IsReadFromBillsWithTheSettledRate()
    {
        var clock = new VirtualClock(OkxExchange.VirtualStart);
        await using var exchange = await OkxExchange.StartAsync(clock);
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("long1"), instrument, OrderSide.Buy, 0.05m), Deadline.Seconds(10));

        clock.AdvanceTo(s_firstSettlement);

        var payment = Assert.Single(await exchange.Connector.GetFundingHistoryAsync(OkxExchange.InstId, OkxExchange.VirtualStart, Deadline.Seconds(10)));
        var expected = Assert.Single(exchange.Venue.FundingPayments);
        Assert.Equal((OkxExchange.InstId, PositionSide.Long, 0.05m, expected.Price, OkxExchange.Rate, expected.Amount, s_firstSettlement),
            (payment.Symbol, payment.Side, payment.Size, payment.Price, payment.Rate, payment.Amount, payment.At));
        Assert.True(payment.Amount < 0m);
    }

    [Fact]
    public async Task Settlement_OnAShort_ArrivesOnTheUserStreamAsFundingSettled()
    {
        var clock = new VirtualClock(OkxExchange.VirtualStart);
        await using var exchange = await OkxExchange.StartAsync(clock);
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("short1"), instrument, OrderSide.Sell, 0.02m), Deadline.Seconds(10));
        var events = (WebSocketSubscription<UserEvent>)exchange.Connector.StreamUserEventsAsync(Deadline.Seconds(20));
        await events.Subscribed.WaitAsync(Deadline.Seconds(10));

        clock.AdvanceTo(s_firstSettlement);

        var settled = (FundingSettled)await OkxV5VenueTests.FirstAsync(events, e => e is FundingSettled);
        var expected = Assert.Single(exchange.Venue.FundingPayments);
        Assert.Equal((PositionSide.Short, 0.02m, expected.Amount, s_firstSettlement), (settled.Payment.Side, settled.Payment.Size, settled.Payment.Amount,
            settled.At));
        Assert.True(settled.Payment.Amount > 0m);
    }

    [Fact]
    public async Task GetFunding_IntervalChangedAtRunTime_ReportsTheNewIntervalAndSettlement()
    {
        var clock = new VirtualClock(OkxExchange.VirtualStart);
        var change = OkxExchange.VirtualStart.AddHours(2).AddMinutes(30);
        await using var exchange = await OkxExchange.StartAsync(clock, intervalChanges: [new IntervalChange(change, TimeSpan.FromHours(1))]);
        await OkxV5VenueTests.InstrumentAsync(exchange);
        var before = await exchange.Connector.GetFundingAsync(OkxExchange.InstId, Deadline.Seconds(10));

        clock.AdvanceTo(change);

        var after = await exchange.Connector.GetFundingAsync(OkxExchange.InstId, Deadline.Seconds(10));
        Assert.Equal((TimeSpan.FromHours(8), s_firstSettlement), (before.Interval, before.NextFundingTime));
        Assert.Equal((TimeSpan.FromHours(1), OkxExchange.VirtualStart.AddHours(3)), (after.Interval, after.NextFundingTime));
    }

    [Fact]
    public async Task PlaceOrder_AnswerLostAfterTheVenueTookIt_ReturnsTheOrdersAckFoundByClOrdId()
    {
        await using var exchange = await OkxExchange.StartAsync(faults: [new DelayAckFault(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), count: 2)],
            venueRequestTimeout: TimeSpan.FromMilliseconds(300));
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        var id = new ClientOrderId("lost2");
        var now = await OkxRaw.ServerTimeAsync(exchange);
        const string Body = """{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"buy","ordType":"limit","sz":"1","px":"58000","clOrdId":"lost1"}""";
        var (status, raw) = await OkxRaw.SendAsync(exchange, HttpMethod.Post, "/api/v5/trade/order", Body,
            m => OkxRaw.Sign(m, OkxExchange.Account.ApiSecret, OkxExchange.Account.Passphrase!, now, "/api/v5/trade/order", Body));
        Assert.Equal((400, OkxCode.Timeout), (status, raw.RootElement.GetProperty("code").GetString()));

        var ack = await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10));

        Assert.Equal(exchange.Venue.FindOrder(id)!.VenueOrderId, ack.VenueOrderId);
        Assert.Equal(2, exchange.Venue.Orders.Length);
    }
}
