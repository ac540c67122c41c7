using System.Diagnostics;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Binance;

namespace FundingArb.Node.Tests.Exchange;

// The shipped hocon/exchange.conf in a real `fundingarb exchange` process, killed with SIGKILL as an exchange host
// dies, then started again on the same data folder: what a client placed before the kill is still there.
public sealed class ExchangeKillTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-exchange-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_shipped_exchange_prints_its_venues_then_ready_and_keeps_a_resting_order_across_a_kill()
    {
        var order = new ClientOrderId("kill-test-1");
        await using (var first = await StartedExchange.StartAsync(_folder, s_deadline))
        {
            Assert.Equal([("alpha", "binance-usdm"), ("beta", "bybit-v5"), ("gamma", "okx-v5")], first.Venues.Select(v => (v.Name, v.Protocol)));
            using var alpha = first.Binance();
            var btc = (await alpha.GetInstrumentsAsync(CancellationToken.None)).Single(i => i.Symbol.Value == "BTCUSDT");
            var book = await alpha.GetOrderBookAsync(btc.Symbol, 5, CancellationToken.None);
            var belowTheBid = book.BestBid!.Value - (10m * btc.Rules.TickSize);
            await alpha.PlaceOrderAsync(OrderRequest.Limit(order, btc, OrderSide.Buy, 0.01m, belowTheBid), CancellationToken.None);
            first.Kill();
        }

        await using var second = await StartedExchange.StartAsync(_folder, s_deadline);
        using var restarted = second.Binance();
        var kept = await restarted.GetOrderAsync(order, CancellationToken.None);

        Assert.Equal((OrderStatus.Open, 0.01m), (kept.Status, kept.Request.Quantity));
    }

    /// One `fundingarb exchange` process, read until it said `ready`.
    private sealed class StartedExchange : IAsyncDisposable
    {
        private readonly Process _process;

        private StartedExchange(Process process, IReadOnlyList<(string Name, string Protocol, Uri RestUrl, Uri WebSocketUrl)> venues)
        {
            _process = process;
            Venues = venues;
        }

        public IReadOnlyList<(string Name, string Protocol, Uri RestUrl, Uri WebSocketUrl)> Venues { get; }

        public static async Task<StartedExchange> StartAsync(string folder, TimeSpan deadline)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"));
            start.ArgumentList.Add("exchange");
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hocon", "exchange.conf"));
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(deadline);
            var venues = new List<(string, string, Uri, Uri)>();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && line != "ready")
            {
                var parts = line.Split(' ');
                Assert.True(parts is ["venue", _, _, _, _], $"not a venue line: {line}");
                venues.Add((parts[1], parts[2], new Uri(parts[3]), new Uri(parts[4])));
            }

            return new StartedExchange(process, venues);
        }

        public BinanceUsdmVenue Binance()
        {
            var (name, _, rest, webSocket) = Venues.Single(v => v.Protocol == "binance-usdm");
            return new BinanceUsdmVenue(new BinanceUsdmOptions(new VenueId(name), rest, webSocket, "demo", "demo-secret"), TimeProvider.System);
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
