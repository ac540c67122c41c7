using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FundingArb.Benchmarks.Actors;
using FundingArb.Benchmarks.Quick;
using FundingArb.Exchange;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Okx;

namespace FundingArb.Benchmarks.Exchange;

/// Place → ack over loopback through each connector against `fundingarb exchange`'s server for its protocol, in this
/// process on the system clock, against a raw HttpClient GET of the same server's unsigned time endpoint (the HTTP
/// round trip with nothing of ours in it). Binance and Bybit serve the pair world's two venues, OKX a third like the
/// first. Each sample places a resting limit buy below the book and cancels it, untimed. Samples are spaced to stay
/// inside each venue's order limits (Binance 300 orders / 10 s, Bybit 10 / s, OKX 60 / 2 s), so no figure includes a
/// wait for the connector's own pacing; the baseline's samples are spaced as Binance's, since a request after an idle
/// gap costs more than one in a tight loop. Then the book stream: a 20-level update of each protocol parsed from its
/// UTF-8 bytes (the JSON document and the snapshot), as many as one thread parses a second, and what one costs in
/// allocation against a 5-level one (nothing per level beyond the snapshot's array of 32-byte levels).
internal sealed class ConnectorsQuickBenchmark : IQuickBenchmark
{
    private const int Warmup = 20;

    public string Area => "connectors";

    public IEnumerable<QuickFigure> Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<IEnumerable<QuickFigure>> RunAsync()
    {
        var account = new ExchangeAccount("bench", "bench-secret", "bench-pass");
        var (world, another) = (PairWorld.Scenario(1).CreateVenues(TimeProvider.System), PairWorld.Scenario(1).CreateVenues(TimeProvider.System));
        another[1].Dispose();
        var venues = world.Add(another[0]);
        var figures = new List<QuickFigure>();
        try
        {
            await using var server = await ExchangeServer.StartAsync([
                (new ServedVenue(venues[0], account, TimeProvider.System), ExchangeProtocols.Find("binance-usdm")!, 0),
                (new ServedVenue(venues[1], account, TimeProvider.System), ExchangeProtocols.Find("bybit-v5")!, 0),
                (new ServedVenue(venues[2], account, TimeProvider.System), ExchangeProtocols.Find("okx-v5")!, 0),
            ]).ConfigureAwait(false);
            var (binanceAt, bybitAt, okxAt) = (server.Endpoints[0], server.Endpoints[1], server.Endpoints[2]);
            using var binance = new BinanceUsdmVenue(
                new BinanceUsdmOptions(venues[0].Id, binanceAt.RestUrl, binanceAt.WebSocketUrl, account.ApiKey, account.ApiSecret), TimeProvider.System);
            using var bybit = new BybitV5Venue(BybitV5Options.AtRoot(venues[1].Id, bybitAt.RestUrl, account.ApiKey, account.ApiSecret), TimeProvider.System);
            using var okx = new OkxV5Venue(OkxV5Options.AtRoot(venues[2].Id, okxAt.RestUrl, account.ApiKey, account.ApiSecret, account.Passphrase!),
                TimeProvider.System);

            var raw = await RawAsync(new Uri(binanceAt.RestUrl, "/fapi/v1/time"), samples: 200, spacing: TimeSpan.FromMilliseconds(40)).ConfigureAwait(false);
            figures.Add(new QuickFigure("raw HttpClient GET, loopback, median (baseline)", Samples.Median(raw), "us"));
            figures.Add(new QuickFigure("raw HttpClient GET, loopback, p99", P99(raw), "us"));
            var binancePlace = await PlaceAsync(binance, samples: 200, spacing: TimeSpan.FromMilliseconds(40)).ConfigureAwait(false);
            figures.Add(new QuickFigure("binance-usdm place -> ack, median", Samples.Median(binancePlace), "us", Samples.Median(binancePlace) / Samples.Median(raw)));
            figures.Add(new QuickFigure("binance-usdm place -> ack, p99", P99(binancePlace), "us"));
            var bybitPlace = await PlaceAsync(bybit, samples: 60, spacing: TimeSpan.FromMilliseconds(210)).ConfigureAwait(false);
            figures.Add(new QuickFigure("bybit-v5 place -> ack, median", Samples.Median(bybitPlace), "us", Samples.Median(bybitPlace) / Samples.Median(raw)));
            figures.Add(new QuickFigure("bybit-v5 place -> ack, p99", P99(bybitPlace), "us"));
            var okxPlace = await PlaceAsync(okx, samples: 60, spacing: TimeSpan.FromMilliseconds(210)).ConfigureAwait(false);
            figures.Add(new QuickFigure("okx-v5 place -> ack, median", Samples.Median(okxPlace), "us", Samples.Median(okxPlace) / Samples.Median(raw)));
            figures.Add(new QuickFigure("okx-v5 place -> ack, p99", P99(okxPlace), "us"));
        }
        finally
        {
            foreach (var venue in venues)
            {
                venue.Dispose();
            }
        }

        var (node, direct) = await NodeToExchangeLatency.RunAsync(warmup: 10, samples: 50, spacing: TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        figures.Add(new QuickFigure("node -> exchange: both legs' venue calls through the connectors, median (baseline)", Samples.Median(direct), "us"));
        figures.Add(new QuickFigure("node -> exchange: CreateExecutor -> both orders acknowledged, median", Samples.Median(node), "us",
            Samples.Median(node) / Samples.Median(direct)));
        figures.Add(new QuickFigure("node -> exchange: CreateExecutor -> both orders acknowledged, p99", P99(node), "us"));
        figures.AddRange(BookParsing());
        return figures;
    }

    private static async Task<double[]> RawAsync(Uri url, int samples, TimeSpan spacing)
    {
        using var http = new HttpClient();
        var times = new List<double>(samples);
        for (var i = 0; i < Warmup + samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var answer = await http.GetAsync(url).ConfigureAwait(false);
            await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (i >= Warmup)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }

            await Task.Delay(spacing, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        }

        return [.. times];
    }

    private static async Task<double[]> PlaceAsync(IVenue venue, int samples, TimeSpan spacing)
    {
        var instrument = (await venue.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false))[0];
        var book = await venue.GetOrderBookAsync(instrument.Symbol, 5, CancellationToken.None).ConfigureAwait(false);
        var price = book.BestBid!.Value - (10m * instrument.Rules.TickSize);
        // 100 quote: above the pair world's minimum notional, which the OKX protocol has no field to tell.
        var size = instrument.Rules.QuantizeSize(100m / price);
        var times = new List<double>(samples);
        for (var i = 0; i < Warmup + samples; i++)
        {
            var id = ClientOrderId.Derive($"bench-{venue.Id.Value}", i);
            var start = Stopwatch.GetTimestamp();
            await venue.PlaceOrderAsync(OrderRequest.Limit(id, instrument, OrderSide.Buy, size, price), CancellationToken.None).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            await venue.CancelOrderAsync(id, CancellationToken.None).ConfigureAwait(false);
            if (i >= Warmup)
            {
                times.Add(elapsed);
            }

            await Task.Delay(spacing, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        }

        return [.. times];
    }

    private static IEnumerable<QuickFigure> BookParsing()
    {
        var venue = new VenueId("bench");
        var binance = (Func<int, byte[]>)(levels => Encoding.UTF8.GetBytes(
            $"{{\"e\":\"depthUpdate\",\"E\":1765000000000,\"T\":1765000000000,\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"pu\":0,\"b\":{Side(levels, -1)},\"a\":{Side(levels, 1)}}}"));
        var bybit = (Func<int, byte[]>)(levels => Encoding.UTF8.GetBytes(
            $"{{\"s\":\"BTCUSDT\",\"b\":{Side(levels, -1)},\"a\":{Side(levels, 1)},\"u\":2,\"seq\":7}}"));
        var okx = (Func<int, byte[]>)(levels => Encoding.UTF8.GetBytes(
            $"{{\"asks\":{Side(levels, 1)},\"bids\":{Side(levels, -1)},\"ts\":\"1765000000000\",\"seqId\":7}}"));
        var swap = new Instrument(venue, new Symbol("BTC-USDT-SWAP"), new Asset("BTC"), new Asset("USDT"),
            new TradingRules(tickSize: 0.1m, stepSize: 0.01m, minSize: 0.01m, minNotional: 0m, contractMultiplier: 0.01m));
        foreach (var (name, message, parse) in new (string, Func<int, byte[]>, Action<JsonElement, int>)[]
        {
            ("binance-usdm", binance, (json, depth) => BinanceMarketParser.BookUpdate(venue, json, depth)),
            ("bybit-v5", bybit, (json, depth) => BybitMarketReader.Book(venue, json, depth, DateTimeOffset.UnixEpoch)),
            ("okx-v5", okx, (json, depth) => OkxMarketReader.Book(venue, swap, json, depth)),
        })
        {
            var (twenty, five) = (message(20), message(5));
            var perSecond = Rate(() => ParseOnce(twenty, 20, parse));
            var twentyBytes = Allocated(() => ParseOnce(twenty, 20, parse));
            var fiveBytes = Allocated(() => ParseOnce(five, 5, parse));
            yield return new QuickFigure($"{name} book update, 20 levels a side, parsed", perSecond, "updates/s");
            yield return new QuickFigure($"{name} book update, allocated", twentyBytes, "B");
            yield return new QuickFigure($"{name} book update, allocated per level beyond the array", ((twentyBytes - fiveBytes) / 30.0) - 32, "B", null, "0 B");
        }
    }

    private static string Side(int levels, int direction) =>
        "[" + string.Join(",", Enumerable.Range(0, levels).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"[\"{65000m + (direction * (i + 1) * 0.1m)}\",\"{0.001m * (i + 1)}\"]"))) + "]";

    private static void ParseOnce(byte[] message, int depth, Action<JsonElement, int> parse)
    {
        using var document = JsonDocument.Parse(message);
        parse(document.RootElement, depth);
    }

    private static double Rate(Action parse)
    {
        for (var i = 0; i < 20_000; i++)
        {
            parse();
        }

        const int Count = 200_000;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Count; i++)
        {
            parse();
        }

        return Count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Allocated(Action parse)
    {
        const int Count = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            parse();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Count;
    }

    private static double P99(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1];
    }
}
