using FundingArb.Trading.Orders;

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
        await using (var first = await ExchangeProcess.StartAsync(_folder, s_deadline))
        {
            Assert.Equal([("alpha", "binance-usdm"), ("beta", "bybit-v5"), ("gamma", "okx-v5")], first.Venues.Select(v => (v.Name, v.Protocol)));
            using var alpha = first.Binance();
            var btc = (await alpha.GetInstrumentsAsync(CancellationToken.None)).Single(i => i.Symbol.Value == "BTCUSDT");
            var book = await alpha.GetOrderBookAsync(btc.Symbol, 5, CancellationToken.None);
            var belowTheBid = book.BestBid!.Value - (10m * btc.Rules.TickSize);
            await alpha.PlaceOrderAsync(OrderRequest.Limit(order, btc, OrderSide.Buy, 0.01m, belowTheBid), CancellationToken.None);
            await first.KillAsync();
        }

        await using var second = await ExchangeProcess.StartAsync(_folder, s_deadline);
        using var restarted = second.Binance();
        var kept = await restarted.GetOrderAsync(order, CancellationToken.None);

        Assert.Equal((OrderStatus.Open, 0.01m), (kept.Status, kept.Request.Quantity));
    }
}
