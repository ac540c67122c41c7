using System.Collections;
using FundingArb.Exchange.Hosting;
using FundingArb.Node.Exchange;
using FundingArb.Trading.Orders;

namespace FundingArb.Node.Tests.Exchange;

// The shipped exchange (hocon/exchange.conf) in this process, each venue behind a test protocol under its real
// protocol's name, on real loopback sockets, its state in a throw-away data folder.
public sealed class ExchangeHostTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);
    private readonly string _data = Directory.CreateTempSubdirectory("fundingarb-exchange-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Start_WritesEachServedVenuesLineThenReady_AndEachVenueAnswersAtItsUrl()
    {
        using var output = new StringWriter();

        await using var host = await ExchangeHost.StartAsync(Settings(), TimeProvider.System, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("ready", lines[3]);
        string[] protocols = ["alpha binance-usdm", "beta bybit-v5", "gamma okx-v5"];
        for (var i = 0; i < 3; i++)
        {
            var parts = lines[i].Split(' ');
            Assert.Equal(("venue", protocols[i]), (parts[0], $"{parts[1]} {parts[2]}"));
            var rest = new Uri(parts[3]);
            Assert.Equal(("http", "127.0.0.1"), (rest.Scheme, rest.Host));
            Assert.Equal($"ws://127.0.0.1:{rest.Port}/ws", parts[4]);
            Assert.Equal(parts[1], await _http.GetStringAsync(new Uri(rest, "/venue")).WaitAsync(s_deadline));
        }
    }

    [Fact]
    public async Task Restart_RestoresTheVenuesFromTheirSavedState()
    {
        var settings = Settings();
        await using (var host = await ExchangeHost.StartAsync(settings, TimeProvider.System, TextWriter.Null))
        {
            var alpha = host.Venues.Single(v => v.Id.Value == "alpha");
            var btc = (await alpha.GetInstrumentsAsync(CancellationToken.None)).Single(i => i.Symbol.Value == "BTCUSDT");
            var mark = (await alpha.GetMarkPriceAsync(btc.Symbol, CancellationToken.None)).Mark;
            var price = decimal.Round(mark * 0.98m, 1);
            await alpha.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId("resting-1"), btc, OrderSide.Buy, 0.01m, price), CancellationToken.None)
                .AsTask().WaitAsync(s_deadline);
        }

        Assert.True(File.Exists(Path.Combine(settings.VenueDirectory, "alpha.json")));
        await using (var host = await ExchangeHost.StartAsync(settings, TimeProvider.System, TextWriter.Null))
        {
            var alpha = host.Venues.Single(v => v.Id.Value == "alpha");
            Assert.Equal([("resting-1", OrderStatus.Open)], alpha.Orders.Select(o => (o.Order.ClientOrderId.Value, o.Order.Status)));
        }
    }

    private ExchangeSettings Settings()
    {
        var environment = new Hashtable { ["CONFIG_FORCE_fundingarb_exchange_data__dir"] = _data };
        return ExchangeConfigLoader.Load(new ExchangeRunOptions(ExchangeConfigLoader.FindDefaultFile(), null), environment, NamedProtocol.Shipped);
    }
}
