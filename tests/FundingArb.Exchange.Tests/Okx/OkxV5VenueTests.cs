using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;
using FundingArb.Venues.Wire;

namespace FundingArb.Exchange.Tests.Okx;

/// The OKX connector against the okx-v5 server over loopback sockets: every IVenue method, in base units on this side
/// and contracts on the wire.
public sealed class OkxV5VenueTests
{
    [Fact]
    public async Task GetInstruments_ServedMarket_IsItsSwapInstIdWithContractRules()
    {
        await using var exchange = await OkxExchange.StartAsync();

        var instruments = await exchange.Connector.GetInstrumentsAsync(Deadline.Seconds(10));

        var instrument = Assert.Single(instruments);
        Assert.Equal(OkxExchange.InstId, instrument.Symbol);
        Assert.Equal(("BTC", "USDT", true), (instrument.Base.Code, instrument.Quote.Code, instrument.IsTradable));
        Assert.Equal((0.1m, 1m, 1m, OkxExchange.ContractValue), (instrument.Rules.TickSize, instrument.Rules.StepSize, instrument.Rules.MinSize,
            instrument.Rules.ContractMultiplier));
        Assert.Equal(0.01m, instrument.Rules.BaseStep);
    }

    [Fact]
    public async Task GetFunding_ServedMarket_ReadsRateIntervalSettlementMarkAndIndex()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var expected = exchange.Venue.Funding(OkxExchange.Simulated);

        var funding = await exchange.Connector.GetFundingAsync(OkxExchange.InstId, Deadline.Seconds(10));

        Assert.Equal((OkxExchange.Rate, TimeSpan.FromHours(8), OkxExchange.Rate), (funding.Rate.Rate, funding.Interval, funding.PredictedNextRate));
        Assert.Equal(expected.NextFundingTime, funding.NextFundingTime);
        Assert.Equal((expected.MarkPrice, expected.IndexPrice), (funding.MarkPrice, funding.IndexPrice));
    }

    [Fact]
    public async Task GetMarkPrice_ServedMarket_IsTheVenuesMarkAndIndex()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var expected = exchange.Venue.Funding(OkxExchange.Simulated);

        var mark = await exchange.Connector.GetMarkPriceAsync(OkxExchange.InstId, Deadline.Seconds(10));

        Assert.Equal((OkxExchange.InstId, expected.MarkPrice, expected.IndexPrice), (mark.Symbol, mark.Mark, mark.Index));
    }

    [Fact]
    public async Task GetOrderBook_SizesInContracts_AreReadBackInBaseUnits()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var expected = await exchange.Venue.GetOrderBookAsync(OkxExchange.Simulated, 5, Deadline.Seconds(10));

        var book = await exchange.Connector.GetOrderBookAsync(OkxExchange.InstId, 5, Deadline.Seconds(10));

        Assert.Equal(expected.Bids.ToArray(), book.Bids.ToArray());
        Assert.Equal(expected.Asks.ToArray(), book.Asks.ToArray());
    }

    [Fact]
    public async Task PlaceOrder_BaseQuantity_IsSentAsContractsAndRecordedInBase()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var id = new ClientOrderId("rest1");

        var ack = await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.05m, 58000m), Deadline.Seconds(10));

        Assert.Equal(OrderStatus.Open, ack.Status);
        var recorded = exchange.Venue.FindOrder(id)!;
        Assert.Equal((0.05m, (decimal?)58000m, ack.VenueOrderId), (recorded.Request.Quantity, recorded.Request.Price, recorded.VenueOrderId));
        var wire = await OkxRaw.GetSignedAsync(exchange, "/api/v5/trade/order?instId=BTC-USDT-SWAP&clOrdId=rest1");
        Assert.Equal("5", wire.RootElement.GetProperty("data")[0].GetProperty("sz").GetString());
    }

    [Fact]
    public async Task GetOrderAndOpenOrders_RestingLimit_AreOpenWithTheirRequest()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var id = new ClientOrderId("rest2");
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Sell, 0.02m, 62000m), Deadline.Seconds(10));

        var order = await exchange.Connector.GetOrderAsync(id, Deadline.Seconds(10));
        var open = await exchange.Connector.GetOpenOrdersAsync(Deadline.Seconds(10));

        Assert.Equal((OrderStatus.Open, OrderSide.Sell, 0.02m, (decimal?)62000m), (order.Status, order.Request.Side, order.Request.Quantity, order.Request.Price));
        Assert.Equal(id, Assert.Single(open).ClientOrderId);
    }

    [Fact]
    public async Task CancelOrder_RestingLimit_IsCanceledWithNothingFilled()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var id = new ClientOrderId("cancel1");
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10));

        var ack = await exchange.Connector.CancelOrderAsync(id, Deadline.Seconds(10));

        Assert.Equal((OrderStatus.Canceled, 0m), (ack.Status, ack.FilledQuantity));
        Assert.Equal(OrderStatus.Canceled, (await exchange.Connector.GetOrderAsync(id, Deadline.Seconds(10))).Status);
        Assert.Empty(await exchange.Connector.GetOpenOrdersAsync(Deadline.Seconds(10)));
    }

    [Fact]
    public async Task CancelOrder_UnknownId_ThrowsUnknownOrder()
    {
        await using var exchange = await OkxExchange.StartAsync();
        await InstrumentAsync(exchange);

        await Assert.ThrowsAsync<UnknownOrderException>(() => exchange.Connector.CancelOrderAsync(new ClientOrderId("nosuch"), Deadline.Seconds(10)).AsTask());
    }

    [Fact]
    public async Task MarketOrder_Filled_ShowsInOrderFillsPositionAndBalance()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var id = new ClientOrderId("mkt1");

        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(id, instrument, OrderSide.Buy, 0.05m), Deadline.Seconds(10));

        var order = await exchange.Connector.GetOrderAsync(id, Deadline.Seconds(10));
        Assert.Equal((OrderStatus.Filled, 0.05m), (order.Status, order.FilledQuantity));
        var venueOrder = exchange.Venue.FindOrder(id)!;
        Assert.Equal(venueOrder.Fills.Select(f => (f.TradeId, f.Price, f.Quantity, f.Fee, f.Role)), order.Fills.Select(f => (f.TradeId, f.Price, f.Quantity, f.Fee, f.Role)));
        var position = Assert.Single(await exchange.Connector.GetPositionsAsync(Deadline.Seconds(10)));
        Assert.Equal((OkxExchange.InstId, (PositionSide?)PositionSide.Long, 0.05m), (position.Key.Symbol, position.Side, position.Amount));
        Assert.Equal(venueOrder.FeesIn(instrument.Quote), position.Fees);
        var balance = Assert.Single(await exchange.Connector.GetBalancesAsync(Deadline.Seconds(10)));
        Assert.Equal(Assert.Single(exchange.Venue.Balances), balance);
    }

    [Theory]
    [InlineData("pair-1-7")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("a23456789012345678901234567890123")]
    public async Task PlaceOrder_ClientIdOkxCannotCarry_ThrowsInvalidOrderWithoutSending(string clientOrderId)
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var id = new ClientOrderId(clientOrderId);

        var error = await Assert.ThrowsAsync<InvalidOrderException>(() =>
            exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10)).AsTask());

        Assert.Contains("clOrdId", error.Message, StringComparison.Ordinal);
        Assert.Empty(exchange.Venue.Orders);
    }

    [Fact]
    public async Task PlaceOrder_DerivedClientId_TravelsWithout0xAndComesBackWhole()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var id = new ClientOrderIdSource("pair-BTC-1").Derive(7);

        await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10));

        Assert.NotNull(exchange.Venue.FindOrder(new ClientOrderId(id.Value[2..])));
        Assert.Equal(id, (await exchange.Connector.GetOrderAsync(id, Deadline.Seconds(10))).ClientOrderId);
        Assert.Equal(id, Assert.Single(await exchange.Connector.GetOpenOrdersAsync(Deadline.Seconds(10))).ClientOrderId);
        Assert.Equal(OrderStatus.Canceled, (await exchange.Connector.CancelOrderAsync(id, Deadline.Seconds(10))).Status);
    }

    [Fact]
    public async Task PlaceOrder_DuplicateClientId_ThrowsDuplicate()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var request = OrderRequest.Limit(new ClientOrderId("dup1"), instrument, OrderSide.Buy, 0.01m, 58000m);
        await exchange.Connector.PlaceOrderAsync(request, Deadline.Seconds(10));

        await Assert.ThrowsAsync<DuplicateClientOrderIdException>(() => exchange.Connector.PlaceOrderAsync(request, Deadline.Seconds(10)).AsTask());
    }

    [Fact]
    public async Task PlaceOrder_BeyondMargin_ThrowsInsufficientMargin()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);

        await Assert.ThrowsAsync<InsufficientMarginException>(() => exchange.Connector.PlaceOrderAsync(
            OrderRequest.Limit(new ClientOrderId("big1"), instrument, OrderSide.Buy, 100m, 59000m), Deadline.Seconds(10)).AsTask());
    }

    [Fact]
    public async Task PlaceOrder_ReduceOnlyWithoutAPosition_ThrowsReduceOnlyRejected()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);

        await Assert.ThrowsAsync<ReduceOnlyRejectedException>(() => exchange.Connector.PlaceOrderAsync(
            OrderRequest.Market(new ClientOrderId("ro1"), instrument, OrderSide.Sell, 0.01m, reduceOnly: true), Deadline.Seconds(10)).AsTask());
    }

    [Fact]
    public async Task PostOnly_WouldCross_IsAcceptedThenCanceledAsPostOnlyWouldCross()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var events = (WebSocketSubscription<UserEvent>)exchange.Connector.StreamUserEventsAsync(Deadline.Seconds(20));
        await events.Subscribed.WaitAsync(Deadline.Seconds(10));
        var id = new ClientOrderId("po1");

        var ack = await exchange.Connector.PlaceOrderAsync(OrderRequest.PostOnly(id, instrument, OrderSide.Buy, 0.01m, 61000m), Deadline.Seconds(10));

        Assert.Equal(OrderStatus.Open, ack.Status);
        var canceled = await FirstAsync(events, e => e is OrderUpdated { Status: OrderStatus.Canceled });
        Assert.Equal((id, nameof(VenueError.PostOnlyWouldCross)), (((OrderUpdated)canceled).ClientOrderId, ((OrderUpdated)canceled).Event.Reason));
        var order = await exchange.Connector.GetOrderAsync(id, Deadline.Seconds(10));
        Assert.Equal((OrderStatus.Canceled, nameof(VenueError.PostOnlyWouldCross)), (order.Status, order.Reason));
    }

    [Fact]
    public async Task UserStream_MarketOrder_YieldsTheFillInBaseUnitsWithItsFee()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await InstrumentAsync(exchange);
        var events = (WebSocketSubscription<UserEvent>)exchange.Connector.StreamUserEventsAsync(Deadline.Seconds(20));
        await events.Subscribed.WaitAsync(Deadline.Seconds(10));
        var id = new ClientOrderId("mkt2");

        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(id, instrument, OrderSide.Sell, 0.03m), Deadline.Seconds(10));

        var filled = (OrderFilled)await FirstAsync(events, e => e is OrderFilled { Status: OrderStatus.Filled });
        var venueFill = exchange.Venue.FindOrder(id)!.Fills[^1];
        Assert.Equal((id, 0.03m, venueFill.Price, venueFill.Quantity, venueFill.Fee), (filled.Fill.ClientOrderId, filled.FilledQuantity, filled.Fill.Price,
            filled.Fill.Quantity, filled.Fill.Fee));
    }

    [Fact]
    public async Task BookStream_ServedMarket_YieldsBooksInBaseUnits()
    {
        await using var exchange = await OkxExchange.StartAsync();
        await InstrumentAsync(exchange);

        await foreach (var book in exchange.Connector.StreamOrderBookAsync(OkxExchange.InstId, 5, Deadline.Seconds(10)))
        {
            Assert.Equal((OkxExchange.InstId, 5, 5), (book.Symbol, book.Bids.Length, book.Asks.Length));
            Assert.True(book.BestBid < OkxExchange.Mid && book.BestAsk > OkxExchange.Mid);
            Assert.Equal(0m, book.Bids[0].Size % OkxExchange.ContractValue);
            return;
        }

        Assert.Fail("The book stream ended before its first book.");
    }

    [Fact]
    public async Task UserStream_VenueDropsTheConnection_EndsWithVenueUnavailable()
    {
        var clock = new VirtualClock(OkxExchange.VirtualStart);
        var outage = OkxExchange.VirtualStart.AddHours(1);
        await using var exchange = await OkxExchange.StartAsync(clock, [new DisconnectFault(outage, TimeSpan.FromMinutes(1))]);
        await InstrumentAsync(exchange);
        var events = (WebSocketSubscription<UserEvent>)exchange.Connector.StreamUserEventsAsync(Deadline.Seconds(20));
        await events.Subscribed.WaitAsync(Deadline.Seconds(10));

        clock.AdvanceTo(outage);

        await Assert.ThrowsAsync<VenueUnavailableException>(async () =>
        {
            await foreach (var unused in events)
            {
            }
        });
    }

    internal static async Task<Instrument> InstrumentAsync(OkxExchange exchange) =>
        Assert.Single(await exchange.Connector.GetInstrumentsAsync(Deadline.Seconds(10)));

    internal static async Task<UserEvent> FirstAsync(IAsyncEnumerable<UserEvent> events, Func<UserEvent, bool> match)
    {
        await foreach (var userEvent in events)
        {
            if (match(userEvent))
            {
                return userEvent;
            }
        }

        throw new InvalidOperationException("The user stream ended before the expected event.");
    }
}
