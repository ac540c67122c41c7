using System.Diagnostics;
using FundingArb.Actors.Orders;
using FundingArb.Benchmarks.Actors;
using FundingArb.Exchange;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Exchange;

/// Node → exchange: a CreateExecutor sent to a node whose two venues are the Binance USD-M and Bybit v5 connectors,
/// over loopback to `fundingarb exchange`'s servers for the pair world's alpha and beta, until both entry orders are
/// acknowledged. It is the create path of the actors' decision figure (orchestrator, executor, order actors, gateways)
/// with the order actors' touch fetches and both placements going over the wire, answered by the exchange. The
/// baseline makes the same venue calls through the same connectors with no actor and no journal: for both legs at
/// once, the book's touch and then the post-only order at it. Samples alternate with the baseline's, spaced so that
/// Bybit's 10 orders a second (a placement and a cancel per venue per sample) never hold a request back.
internal static class NodeToExchangeLatency
{
    private const int Assets = 10;

    public static async Task<(double[] Node, double[] Direct)> RunAsync(int warmup, int samples, TimeSpan spacing)
    {
        var account = new ExchangeAccount("bench", "bench-secret", "bench-pass");
        var scenario = PairWorld.Scenario(Assets);
        var venues = scenario.CreateVenues(TimeProvider.System);
        var (alpha, beta) = (venues.Single(v => v.Id.Value == PairWorld.LongVenue), venues.Single(v => v.Id.Value == PairWorld.ShortVenue));
        await using var server = await ExchangeServer.StartAsync([
            (new ServedVenue(alpha, account, TimeProvider.System), ExchangeProtocols.Find("binance-usdm")!, 0),
            (new ServedVenue(beta, account, TimeProvider.System), ExchangeProtocols.Find("bybit-v5")!, 0),
        ]).ConfigureAwait(false);
        var (alphaAt, betaAt) = (server.Endpoints[0], server.Endpoints[1]);
        using var binance = new BinanceUsdmVenue(
            new BinanceUsdmOptions(alpha.Id, alphaAt.RestUrl, alphaAt.WebSocketUrl, account.ApiKey, account.ApiSecret), TimeProvider.System);
        using var bybit = new BybitV5Venue(BybitV5Options.AtRoot(beta.Id, betaAt.RestUrl, account.ApiKey, account.ApiSecret), TimeProvider.System);

        // The node's own timers stand still (nothing here waits on them: no fallback to market, no refresh); its clock
        // starts at the exchange's time so that the quotes it reads are not from its future.
        var clock = new VirtualClock(TimeProvider.System.GetUtcNow());
        await using var node = await BenchNode.StartAsync(clock, venues, [binance, bybit], scenario.Venues.Sum(v => v.Markets.Length),
            PairWorld.Settings(controller: false, ExecutionMode.LimitWithFallback), new CountingJournal(keepEvents: true)).ConfigureAwait(false);
        var direct = new DirectConnectorCalls(binance, bybit);
        var generations = new int[Assets];
        var (nodeSamples, directSamples) = (new List<double>(samples), new List<double>(samples));
        for (var i = 0; i < warmup + samples; i++)
        {
            var asset = i % Assets;
            var acknowledged = node.Recorder.ArmAcknowledged(acknowledgements: 2);
            var start = Stopwatch.GetTimestamp();
            node.Node.Orchestrator.Tell(PairWorld.Create(asset), node.Sink);
            var end = await acknowledged.WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
            await node.CloseAsync(PairWorld.ExecutorId(asset, ++generations[asset]), i).ConfigureAwait(false);
            await Task.Delay(spacing, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
            var baseline = await direct.EntryAsync(asset).ConfigureAwait(false);
            await Task.Delay(spacing, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
            if (i >= warmup)
            {
                nodeSamples.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
                directSamples.Add(baseline);
            }
        }

        return ([.. nodeSamples], [.. directSamples]);
    }

    /// The venue calls of one entry made by hand through the connectors: both legs at once, each the book's touch and a
    /// post-only order at it, timed until both acknowledgements are back; the orders are cancelled after, untimed.
    private sealed class DirectConnectorCalls(IVenue longVenue, IVenue shortVenue)
    {
        private long _sequence;

        public async Task<double> EntryAsync(int asset)
        {
            var symbol = new Symbol(PairWorld.Symbol(asset));
            var longInstrument = (await longVenue.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false)).Single(i => i.Symbol == symbol);
            var shortInstrument = (await shortVenue.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false)).Single(i => i.Symbol == symbol);
            var (longId, shortId) = (ClientOrderId.Derive("direct", ++_sequence), ClientOrderId.Derive("direct", ++_sequence));
            var start = Stopwatch.GetTimestamp();
            var longLeg = PlaceAtTouchAsync(longVenue, longInstrument, OrderSide.Buy, longId);
            var shortLeg = PlaceAtTouchAsync(shortVenue, shortInstrument, OrderSide.Sell, shortId);
            await Task.WhenAll(longLeg, shortLeg).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            await longVenue.CancelOrderAsync(longId, CancellationToken.None).ConfigureAwait(false);
            await shortVenue.CancelOrderAsync(shortId, CancellationToken.None).ConfigureAwait(false);
            return elapsed;
        }

        private static async Task PlaceAtTouchAsync(IVenue venue, Instrument instrument, OrderSide side, ClientOrderId id)
        {
            var book = await venue.GetOrderBookAsync(instrument.Symbol, 1, CancellationToken.None).ConfigureAwait(false);
            var touch = side == OrderSide.Buy ? book.BestBid!.Value : book.BestAsk!.Value;
            var quantity = instrument.Rules.QuantizeSize(PairWorld.SizeQuote / touch);
            await venue.PlaceOrderAsync(OrderRequest.PostOnly(id, instrument, side, quantity, instrument.Rules.QuantizePrice(touch, side)), CancellationToken.None)
                .ConfigureAwait(false);
        }
    }
}
