using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Bybit;

namespace FundingArb.Exchange.Tests.Bybit;

public sealed class BybitFixtureParsingTests
{
    private static readonly VenueId s_bybit = new("bybit");
    private static readonly Asset s_usdt = new("USDT");

    [Fact]
    public void InstrumentsInfo_ParsesRulesAndStatus()
    {
        var item = BybitFixtures.Load("instruments-info.json").GetProperty("result").GetProperty("list")[0];

        var instrument = BybitMarketReader.Instrument(s_bybit, item);

        Assert.Equal(("BTCUSDT", "BTC", "USDT", true), (instrument.Symbol.Value, instrument.Base.Code, instrument.Quote.Code, instrument.IsTradable));
        Assert.Equal((0.1m, 0.001m, 0.001m, 5m), (instrument.Rules.TickSize, instrument.Rules.StepSize, instrument.Rules.MinSize, instrument.Rules.MinNotional));
    }

    [Fact]
    public void Ticker_ParsesRateIntervalNextSettlementAndPrices()
    {
        var ticker = BybitFixtures.Load("tickers.json").GetProperty("result").GetProperty("list")[0];
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1760352369814);

        var funding = BybitMarketReader.Funding(s_bybit, ticker, at);

        Assert.Equal((0.0001m, TimeSpan.FromHours(8)), (funding.Rate.Rate, funding.Interval));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1760371200000), funding.NextFundingTime);
        Assert.Equal((114898.43m, 114890.92m), (funding.MarkPrice, funding.IndexPrice));
    }

    [Fact]
    public void OrderBook_ParsesLevelsAndSequence()
    {
        var result = BybitFixtures.Load("orderbook.json").GetProperty("result");

        var book = BybitMarketReader.Book(s_bybit, result, 25, DateTimeOffset.FromUnixTimeMilliseconds(1716863719031));

        Assert.Equal((65485.47m, 47.081829m), (book.Bids[0].Price, book.Bids[0].Size));
        Assert.Equal((65557.7m, 16.606555m), (book.Asks[0].Price, book.Asks[0].Size));
        Assert.Equal(230704L, book.Sequence);
    }

    [Fact]
    public void StreamOrderBookSnapshot_ParsesLikeTheRestBook_CutToTheDepthAsked()
    {
        var data = BybitFixtures.Load("ws-orderbook.json").GetProperty("data");

        var book = BybitMarketReader.Book(s_bybit, data, 1, DateTimeOffset.FromUnixTimeMilliseconds(1672304484978));

        Assert.Equal((16493.50m, 16611.00m, 18521288L), (book.BestBid, book.BestAsk, book.Sequence));
        Assert.Single(book.Bids);
    }

    [Fact]
    public void OpenOrder_ParsesIntoAnOpenTrackedOrder()
    {
        var item = BybitFixtures.Load("order-realtime.json").GetProperty("result").GetProperty("list")[0];
        var eth = new Instrument(s_bybit, new Symbol("ETHUSDT"), new Asset("ETH"), s_usdt, new TradingRules(0.01m, 0.01m, 0.01m, 5m));

        var order = BybitOrderReader.Order(item, eth, []);

        Assert.Equal((OrderStatus.Open, "test-000005", "fd4300ae-7847-404e-b947-b46980a4d140"), (order.Status, order.ClientOrderId.Value, order.VenueOrderId));
        Assert.Equal((OrderSide.Buy, OrderType.Limit, 1600m, 0.1m), (order.Request.Side, order.Request.Type, order.Request.Price, order.Request.Quantity));
    }

    [Fact]
    public void TradeExecution_WithoutFeeCurrencyOrLinkId_ChargesTheSettleCoin_AndIsKnownByOrderId()
    {
        var row = BybitFixtures.Load("execution-list.json").GetProperty("result").GetProperty("list")[0];

        var fill = BybitOrderReader.Fill(row, s_usdt);

        Assert.Equal(("e0cbe81d-0f18-5866-9415-cf319b5dab3b", "8c065341-7b52-4ca9-ac2c-37e31ac55c94"), (fill.TradeId, fill.ClientOrderId.Value));
        Assert.Equal((OrderSide.Buy, 1190.15m, 0.1m, new Money(0.071409m, s_usdt), LiquidityRole.Taker),
            (fill.Side, fill.Price, fill.Quantity, fill.Fee, fill.Role));
    }

    [Fact]
    public void StreamTradeExecution_ParsesIntoAFillThatCompletesTheOrder()
    {
        var item = BybitFixtures.Load("ws-execution.json").GetProperty("data")[0];

        var filled = BybitOrderReader.Filled(s_bybit, 1, item, null);

        Assert.Equal((OrderStatus.Filled, 0.5m), (filled.Status, filled.FilledQuantity));
        Assert.Equal((OrderSide.Sell, 95900.1m, new Money(26.3725275m, s_usdt)), (filled.Fill.Side, filled.Fill.Price, filled.Fill.Fee));
    }

    [Fact]
    public void StreamOrder_Filled_IsLeftToTheExecutionTopic()
    {
        var item = BybitFixtures.Load("ws-order.json").GetProperty("data")[0];

        Assert.Null(BybitOrderReader.Update(s_bybit, 1, item));
    }

    [Fact]
    public void Position_ParsesSideSizePricesAndRealisedPnl()
    {
        var item = BybitFixtures.Load("position-list.json").GetProperty("result").GetProperty("list")[0];

        var position = BybitMarketReader.Position(s_bybit, item);

        Assert.Equal((PositionSide.Short, 300m, 27464.50441675m, 93556.73034991m), (position.Side, position.Amount, position.AveragePrice, position.BreakevenPrice));
        Assert.Equal((28224.50m, -0.00029413m, -0.00096902m), (position.MarkPrice, position.UnrealizedPnl, position.RealizedPnl));
    }

    [Fact]
    public void WalletCoin_ParsesIntoABalance()
    {
        var coin = BybitFixtures.Load("wallet-balance.json").GetProperty("result").GetProperty("list")[0].GetProperty("coin")[0];

        var balance = BybitMarketReader.Balance(coin);

        Assert.Equal(("BTC", 0m, 0m, 0m, 0m), (balance.Asset.Code, balance.Wallet, balance.UnrealizedPnl, balance.PositionMargin, balance.OrderMargin));
    }
}
