namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceUsdmVenueMarketTests
{
    [Fact]
    public async Task GetInstruments_ReadsTheServedMarketsWithTheirRules()
    {
        await using var harness = await BinanceHarness.StartAsync();

        var instruments = await harness.Connector.GetInstrumentsAsync(BinanceHarness.Guard());

        Assert.Equal(harness.Venue.Instruments.Select(i => (i.Symbol, i.Base, i.Quote, i.Rules, i.IsTradable)),
            instruments.Select(i => (i.Symbol, i.Base, i.Quote, i.Rules, i.IsTradable)));
    }

    [Fact]
    public async Task GetFunding_ReadsRateNextSettlementAndEachSymbolsInterval()
    {
        await using var harness = await BinanceHarness.StartAsync();

        var btc = await harness.Connector.GetFundingAsync(BinanceHarness.Btc, BinanceHarness.Guard());
        var eth = await harness.Connector.GetFundingAsync(BinanceHarness.Eth, BinanceHarness.Guard());

        var simulated = harness.Venue.Funding(BinanceHarness.Btc);
        Assert.Equal((simulated.Rate, simulated.NextFundingTime, simulated.MarkPrice, simulated.IndexPrice),
            (btc.Rate, btc.NextFundingTime, btc.MarkPrice, btc.IndexPrice));
        Assert.Equal(TimeSpan.FromHours(8), btc.Interval);
        Assert.Equal(new Trading.Funding.FundingRate(-0.0002m, TimeSpan.FromHours(4)), eth.Rate);
    }

    [Fact]
    public async Task GetFunding_AfterTheVenueMovesASymbolToHourly_ReadsTheNewIntervalOnceTheOldIsStale()
    {
        await using var harness = await BinanceHarness.StartAsync(btcIntervalChange: new(BinanceHarness.Start.AddSeconds(30), TimeSpan.FromHours(1)));
        var before = await harness.Connector.GetFundingAsync(BinanceHarness.Btc, BinanceHarness.Guard());

        harness.ServerClock.Advance(TimeSpan.FromSeconds(61));
        var after = await harness.Connector.GetFundingAsync(BinanceHarness.Btc, BinanceHarness.Guard());

        Assert.Equal(TimeSpan.FromHours(8), before.Interval);
        Assert.Equal(TimeSpan.FromHours(1), after.Interval);
        Assert.Equal(harness.Venue.Funding(BinanceHarness.Btc).Rate, after.Rate);
    }

    [Fact]
    public async Task GetMarkPrice_ReadsMarkAndIndexAtTheVenuesTime()
    {
        await using var harness = await BinanceHarness.StartAsync();

        var mark = await harness.Connector.GetMarkPriceAsync(BinanceHarness.Eth, BinanceHarness.Guard());

        var funding = harness.Venue.Funding(BinanceHarness.Eth);
        Assert.Equal((funding.MarkPrice, funding.IndexPrice, BinanceHarness.Start), (mark.Mark, mark.Index, mark.At));
    }

    [Fact]
    public async Task GetOrderBook_ReadsTheTopLevelsOfTheVenuesBook()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var expected = await harness.Venue.GetOrderBookAsync(BinanceHarness.Btc, 7, BinanceHarness.Guard());

        var book = await harness.Connector.GetOrderBookAsync(BinanceHarness.Btc, 7, BinanceHarness.Guard());

        Assert.Equal(expected.Bids.AsEnumerable(), book.Bids.AsEnumerable());
        Assert.Equal(expected.Asks.AsEnumerable(), book.Asks.AsEnumerable());
        Assert.Equal(expected.Sequence, book.Sequence);
    }

    [Fact]
    public async Task StreamOrderBook_DeliversTheBookAndItsUpdatesAsTheVenueSteps()
    {
        await using var harness = await BinanceHarness.StartAsync();
        var guard = BinanceHarness.Guard();
        var books = harness.Connector.StreamOrderBookAsync(BinanceHarness.Btc, 5, guard);
        await using var reader = books.GetAsyncEnumerator(guard);

        Assert.True(await reader.MoveNextAsync());
        var first = reader.Current;
        harness.ServerClock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await reader.MoveNextAsync());

        Assert.Equal((BinanceHarness.Btc, 5, 5), (first.Symbol, first.Bids.Length, first.Asks.Length));
        var now = await harness.Venue.GetOrderBookAsync(BinanceHarness.Btc, 5, guard);
        Assert.True(reader.Current.Sequence > first.Sequence);
        Assert.Equal(now.Sequence, reader.Current.Sequence);
        Assert.Equal(now.Bids.AsEnumerable(), reader.Current.Bids.AsEnumerable());
        Assert.Equal(now.Asks.AsEnumerable(), reader.Current.Asks.AsEnumerable());
    }
}
