using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Paper;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Paper;

// A paper venue on each protocol's connector against the simulated exchange over real sockets: its orders fill against
// the exchange's live book and never reach the exchange, its positions pay the exchange's funding at the exchange's
// settlement, and its account outlives the process that held it.
public sealed class PaperVenueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-paper-").FullName;

    public static TheoryData<string> Protocols => ["binance-usdm", "bybit-v5", "okx-v5"];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task MarketOrder_WalksTheExchangesLiveBook_AndTheExchangeReceivesNoOrder(string protocol)
    {
        await using var exchange = await PaperExchange.StartAsync(protocol);
        using var paper = exchange.Paper();
        var btc = await PaperExchange.BtcAsync(paper);
        var book = await paper.GetOrderBookAsync(btc.Symbol, 5, PaperExchange.Guard());
        await using var events = paper.StreamUserEventsAsync(PaperExchange.Guard()).GetAsyncEnumerator();
        var quantity = book.Asks[0].Size + 2m;

        var ack = await paper.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("paper-m1"), btc, OrderSide.Buy, quantity), PaperExchange.Guard());

        var first = await PaperExchange.NextAsync<OrderFilled>(events);
        var second = await PaperExchange.NextAsync<OrderFilled>(events);
        Assert.Equal((OrderStatus.Filled, quantity), (ack.Status, ack.FilledQuantity));
        Assert.Equal((book.Asks[0].Price, book.Asks[0].Size, LiquidityRole.Taker), (first.Fill.Price, first.Fill.Quantity, first.Fill.Role));
        Assert.Equal((book.Asks[1].Price, 2m, OrderStatus.Filled), (second.Fill.Price, second.Fill.Quantity, second.Status));
        Assert.Equal(book.Asks[0].Price * book.Asks[0].Size * 0.0005m, first.Fill.Fee.Amount);
        var position = Assert.Single(await paper.GetPositionsAsync(PaperExchange.Guard()));
        Assert.Equal((PositionSide.Long, quantity), (position.Side, position.Amount));
        Assert.Empty(exchange.Exchange.Orders);
        Assert.Empty(exchange.Exchange.Rejections);
        Assert.All(exchange.Exchange.Positions, p => Assert.Equal(0m, p.NetQuantity));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task RestingLimitOrder_FillsAsMakerWhenTheExchangesBookMovesThroughIt(string protocol)
    {
        // Flat at 1000 for a minute, then down to 990 over the next.
        await using var exchange = await PaperExchange.StartAsync(protocol,
            [new PricePoint(PaperExchange.Start, 1000m), new PricePoint(PaperExchange.Start.AddMinutes(1), 1000m), new PricePoint(PaperExchange.Start.AddMinutes(2), 990m)]);
        using var paper = exchange.Paper();
        var btc = await PaperExchange.BtcAsync(paper);
        await using var events = paper.StreamUserEventsAsync(PaperExchange.Guard()).GetAsyncEnumerator();
        var ack = await paper.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId("paper-l1"), btc, OrderSide.Buy, 1m, 995m), PaperExchange.Guard());
        Assert.Equal(OrderStatus.Open, ack.Status);
        Assert.Single(await paper.GetOpenOrdersAsync(PaperExchange.Guard()));
        await paper.BookStreamLive(btc.Symbol).WaitAsync(PaperExchange.Deadline);

        exchange.Clock.Advance(TimeSpan.FromMinutes(2));

        var filled = await PaperExchange.NextAsync<OrderFilled>(events);
        Assert.Equal((995m, 1m, LiquidityRole.Maker, OrderStatus.Filled), (filled.Fill.Price, filled.Fill.Quantity, filled.Fill.Role, filled.Status));
        Assert.Equal(995m * 0.0002m, filled.Fill.Fee.Amount);
        Assert.Empty(await paper.GetOpenOrdersAsync(PaperExchange.Guard()));
        Assert.Empty(exchange.Exchange.Orders);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task RestingLimitOrder_AfterTheExchangeDroppedItsStreams_FillsOnceTheBookStreamIsBack(string protocol)
    {
        // Flat at 1000 through a one-minute outage, then down to 990 over the next minute.
        await using var exchange = await PaperExchange.StartAsync(protocol,
            [new PricePoint(PaperExchange.Start, 1000m), new PricePoint(PaperExchange.Start.AddMinutes(2), 1000m), new PricePoint(PaperExchange.Start.AddMinutes(3), 990m)]);
        using var paper = exchange.Paper();
        var btc = await PaperExchange.BtcAsync(paper);
        await using var events = paper.StreamUserEventsAsync(PaperExchange.Guard()).GetAsyncEnumerator();
        await paper.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId("paper-d1"), btc, OrderSide.Buy, 1m, 995m), PaperExchange.Guard());
        await paper.BookStreamLive(btc.Symbol).WaitAsync(PaperExchange.Deadline);
        exchange.Exchange.Inject(new DisconnectFault(exchange.Exchange.Now, TimeSpan.FromMinutes(1)));
        exchange.Clock.Advance(TimeSpan.FromMinutes(1).Add(TimeSpan.FromSeconds(1)));

        exchange.Clock.AdvanceTo(PaperExchange.Start.AddMinutes(3));

        var filled = await PaperExchange.NextAsync<OrderFilled>(events);
        Assert.Equal((995m, 1m, LiquidityRole.Maker), (filled.Fill.Price, filled.Fill.Quantity, filled.Fill.Role));
        Assert.Empty(exchange.Exchange.Orders);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task PostOnlyOrderThatWouldCross_IsTreatedAsTheVenueTreatsIt(string protocol)
    {
        await using var exchange = await PaperExchange.StartAsync(protocol);
        using var paper = exchange.Paper();
        var btc = await PaperExchange.BtcAsync(paper);
        var request = OrderRequest.PostOnly(new ClientOrderId("paper-p1"), btc, OrderSide.Buy, 1m, 1001m);

        if (protocol == "binance-usdm")
        {
            await Assert.ThrowsAsync<PostOnlyWouldCrossException>(async () => await paper.PlaceOrderAsync(request, PaperExchange.Guard()));
            await Assert.ThrowsAsync<UnknownOrderException>(async () => await paper.GetOrderAsync(request.ClientOrderId, PaperExchange.Guard()));
        }
        else
        {
            await paper.PlaceOrderAsync(request, PaperExchange.Guard());
            var order = await paper.GetOrderAsync(request.ClientOrderId, PaperExchange.Guard());
            Assert.Equal((OrderStatus.Canceled, 0m), (order.Status, order.FilledQuantity));
        }

        Assert.Empty(exchange.Exchange.Orders);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Settlement_PaysTheExchangesRateAtTheExchangesSettlementTime(string protocol)
    {
        await using var exchange = await PaperExchange.StartAsync(protocol);
        using var paper = exchange.Paper();
        var btc = await PaperExchange.BtcAsync(paper);
        await using var events = paper.StreamUserEventsAsync(PaperExchange.Guard()).GetAsyncEnumerator();
        await paper.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("paper-f1"), btc, OrderSide.Sell, 2m), PaperExchange.Guard());
        var before = await paper.GetFundingAsync(btc.Symbol, PaperExchange.Guard());
        var wallet = (await paper.GetBalancesAsync(PaperExchange.Guard())).Single().Wallet;

        exchange.Clock.AdvanceTo(PaperExchange.FirstSettlement.AddSeconds(1));

        var settled = await PaperExchange.NextAsync<FundingSettled>(events);
        var venueSettlement = Assert.Single(exchange.Exchange.FundingSettlements);
        Assert.Equal((PaperExchange.FirstSettlement, PaperExchange.Rate), (before.NextFundingTime, before.Rate.Rate));
        Assert.Equal((venueSettlement.At, venueSettlement.Rate.Rate), (settled.Payment.At, settled.Payment.Rate));
        Assert.Equal((PositionSide.Short, 2m, 2m * before.BasisPrice * PaperExchange.Rate), (settled.Payment.Side, settled.Payment.Size, settled.Payment.Amount));
        Assert.Equal(wallet + settled.Payment.Amount, (await paper.GetBalancesAsync(PaperExchange.Guard())).Single().Wallet);
        Assert.Equal(settled.Payment, Assert.Single(await paper.GetFundingHistoryAsync(btc.Symbol, PaperExchange.Start, PaperExchange.Guard())));
        Assert.Empty(exchange.Exchange.FundingPayments);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Restart_RestoresOrdersPositionsAndBalances_AndARestingOrderStillFills(string protocol)
    {
        await using var exchange = await PaperExchange.StartAsync(protocol,
            [new PricePoint(PaperExchange.Start, 1000m), new PricePoint(PaperExchange.Start.AddMinutes(1), 1000m), new PricePoint(PaperExchange.Start.AddMinutes(2), 1012m)]);
        var store = new PaperStateStore(_folder);
        var resting = new ClientOrderId("paper-r2");
        (decimal Quantity, decimal Wallet) held;
        using (var first = exchange.Paper(store.Read(exchange.Id.Value), store.Save))
        {
            var btc = await PaperExchange.BtcAsync(first);
            await first.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("paper-r1"), btc, OrderSide.Buy, 3m), PaperExchange.Guard());
            await first.PlaceOrderAsync(OrderRequest.Limit(resting, btc, OrderSide.Sell, 1m, 1005m, reduceOnly: true), PaperExchange.Guard());
            held = ((await first.GetPositionsAsync(PaperExchange.Guard())).Single().Amount, (await first.GetBalancesAsync(PaperExchange.Guard())).Single().Wallet);
        }

        using var second = exchange.Paper(store.Read(exchange.Id.Value), store.Save);
        await using var events = second.StreamUserEventsAsync(PaperExchange.Guard()).GetAsyncEnumerator();
        var position = Assert.Single(await second.GetPositionsAsync(PaperExchange.Guard()));
        Assert.Equal(held, (position.Amount, (await second.GetBalancesAsync(PaperExchange.Guard())).Single().Wallet));
        Assert.Equal(OrderStatus.Filled, (await second.GetOrderAsync(new ClientOrderId("paper-r1"), PaperExchange.Guard())).Status);
        Assert.Equal(resting, Assert.Single(await second.GetOpenOrdersAsync(PaperExchange.Guard())).Request.ClientOrderId);
        await second.BookStreamLive(position.Key.Symbol).WaitAsync(PaperExchange.Deadline);

        exchange.Clock.Advance(TimeSpan.FromMinutes(2));

        var filled = await PaperExchange.NextAsync<OrderFilled>(events);
        Assert.Equal((resting, 1005m, 1m), (filled.Fill.ClientOrderId, filled.Fill.Price, filled.Fill.Quantity));
        Assert.Equal(held.Quantity - 1m, Assert.Single(await second.GetPositionsAsync(PaperExchange.Guard())).Amount);
        Assert.Empty(exchange.Exchange.Orders);
    }
}
