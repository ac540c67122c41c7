using System.Collections;
using System.Net;
using System.Net.Sockets;
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
            await PlaceRestingOrderAsync(host, "alpha", "resting-1");
        }

        Assert.True(File.Exists(Path.Combine(settings.VenueDirectory, "alpha.json")));
        await using (var host = await ExchangeHost.StartAsync(settings, TimeProvider.System, TextWriter.Null))
        {
            var alpha = host.Venues.Single(v => v.Id.Value == "alpha");
            Assert.Equal([("resting-1", OrderStatus.Open)], alpha.Orders.Select(o => (o.Order.ClientOrderId.Value, o.Order.Status)));
        }
    }

    [Fact]
    public async Task AnOrder_IsSavedBeforeAnyShutdown_SoAKilledExchangeKeepsIt()
    {
        var settings = Settings();
        await using var host = await ExchangeHost.StartAsync(settings, TimeProvider.System, TextWriter.Null);
        var file = Path.Combine(settings.VenueDirectory, "beta.json");
        Directory.CreateDirectory(settings.VenueDirectory);
        using var watcher = new FileSystemWatcher(settings.VenueDirectory) { EnableRaisingEvents = true };
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Renamed += (_, e) =>
        {
            if (e.FullPath == file && File.ReadAllText(file).Contains("resting-2", StringComparison.Ordinal))
            {
                saved.TrySetResult();
            }
        };

        await PlaceRestingOrderAsync(host, "beta", "resting-2");

        await saved.Task.WaitAsync(s_deadline);
    }

    [Fact]
    public async Task A_second_exchange_on_the_same_data_folder_is_refused()
    {
        var settings = Settings();
        await using var first = await ExchangeHost.StartAsync(settings, TimeProvider.System, TextWriter.Null);

        var second = await Assert.ThrowsAsync<IOException>(() => ExchangeHost.StartAsync(settings, TimeProvider.System, TextWriter.Null));

        Assert.Contains("is in use by another exchange", second.Message, StringComparison.Ordinal);
        Assert.Equal(3, first.Endpoints.Count);
    }

    [Fact]
    public async Task A_taken_port_fails_the_start_with_an_IOException_and_releases_the_data_folder()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Assert.ThrowsAnyAsync<IOException>(() => ExchangeHost.StartAsync(Settings() with { Serve = [Settings().Serve[0] with { Port = port }] },
            TimeProvider.System, TextWriter.Null));

        await using var next = await ExchangeHost.StartAsync(Settings(), TimeProvider.System, TextWriter.Null);
        Assert.Equal(3, next.Endpoints.Count);
    }

    private static async Task PlaceRestingOrderAsync(ExchangeHost host, string venueName, string clientOrderId)
    {
        var venue = host.Venues.Single(v => v.Id.Value == venueName);
        var btc = (await venue.GetInstrumentsAsync(CancellationToken.None)).Single(i => i.Symbol.Value == "BTCUSDT");
        var mark = (await venue.GetMarkPriceAsync(btc.Symbol, CancellationToken.None)).Mark;
        await venue.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId(clientOrderId), btc, OrderSide.Buy, 0.01m, decimal.Round(mark * 0.98m, 1)), CancellationToken.None)
            .AsTask().WaitAsync(s_deadline);
    }

    private ExchangeSettings Settings()
    {
        var environment = new Hashtable { ["CONFIG_FORCE_fundingarb_exchange_data__dir"] = _data };
        return ExchangeConfigLoader.Load(new ExchangeRunOptions(ExchangeConfigLoader.FindDefaultFile(), null), environment, NamedProtocol.Shipped);
    }
}
