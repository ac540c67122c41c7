using FundingArb.Actors.Pairs;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Tests.Pairs;

// A trade id is unique only at its venue: two venues speaking Binance's protocol both number their first trade 1.
public sealed class PairStateFillTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 0, 1, 0, TimeSpan.Zero);
    private static readonly PairSpec s_spec = new("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m);

    [Fact]
    public void Apply_SameTradeIdAtBothVenues_CountsBothLegs()
    {
        var state = Entering();

        state.Apply(Filled("entry-long", "alpha", "0x02", "1", OrderSide.Buy));
        state.Apply(Filled("entry-short", "beta", "0x03", "1", OrderSide.Sell));

        Assert.Equal((0.099m, -0.099m), (state.LongLeg.NetQuantity, state.ShortLeg.NetQuantity));
        Assert.True(state.HasSeenTrade("beta", "1"));
        Assert.Equal(["1"], state.TradeIdsAt("beta"));
    }

    [Fact]
    public void Apply_SameTradeTwiceAtOneVenue_CountsItOnce()
    {
        var state = Entering();

        state.Apply(Filled("entry-short", "beta", "0x03", "1", OrderSide.Sell));
        state.Apply(Filled("entry-short", "beta", "0x03", "1", OrderSide.Sell));

        Assert.Equal(-0.099m, state.ShortLeg.NetQuantity);
        Assert.False(state.HasSeenTrade("alpha", "1"));
        Assert.Empty(state.TradeIdsAt("alpha"));
    }

    private static PairState Entering()
    {
        var state = new PairState(s_spec);
        state.Apply(new PairEntryStarted(0.099m, 60_003m, 60_006.9m, 0.0009m, s_at));
        return state;
    }

    private static PairLegFilled Filled(string leg, string venue, string clientOrderId, string tradeId, OrderSide side) =>
        new(leg, venue, clientOrderId, tradeId, side, 60_000m, 0.099m, 2.97m, "USDT", LiquidityRole.Taker, s_at);
}
