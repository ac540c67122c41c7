using System.Text.Json;
using FundingArb.Exchange.Binance;
using FundingArb.Venues;
using FundingArb.Venues.Binance;

namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceLiquidationTests
{
    [Theory]
    [InlineData(0.5, 55_000)]
    [InlineData(-0.25, 64_000)]
    public void Liquidation_AsTheServerSendsIt_IsReadBackAsThePositionLiquidated(double quantity, double price)
    {
        var liquidated = new PositionLiquidated(BinanceHarness.VenueId, 9, BinanceHarness.Start, BinanceHarness.Btc, (decimal)quantity, (decimal)price, -2_500m, 0m);
        using var message = JsonDocument.Parse(BinanceUserStreamPayloads.Liquidation(liquidated, "USDT").ToJsonString());

        var read = BinanceUserEventParser.OrderTradeUpdate(BinanceHarness.VenueId, 9, message.RootElement);

        Assert.Equal(liquidated, read);
    }
}
