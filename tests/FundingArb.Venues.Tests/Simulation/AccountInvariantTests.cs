using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Simulation;
using Microsoft.FSharp.Core;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class AccountInvariantTests
{
    private const ulong ReplaySeed = 20_261_122;

    // A small account at high leverage in a violent market, so margin refusals and liquidations happen.
    private static (VirtualClock Clock, SimulatedVenue Venue) Stressed(long seed) => Create(
        Settings(TimeSpan.FromHours(1)) with { Leverage = 25m, Balances = [new Money(3_000m, Usdt)] },
        TradingScript.RandomMarket(Btc1, volatility: 4m),
        seed: seed);

    private static void Check(Func<int, int, int, bool> invariant, int maxTest = 40)
    {
        var cases = (from script in Gen.Choose(1, 1_000_000) from venue in Gen.Choose(1, 1_000_000) from actions in Gen.Choose(5, 80)
                     select (script, venue, actions)).ToArbitrary();
        var property = Prop.ForAll(cases, c => invariant(c.script, c.venue, c.actions));
        var replay = new Replay(new Rnd(ReplaySeed, 0x9E37_79B9_7F4A_7C15), FSharpOption<int>.None);
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithReplay(FSharpOption<Replay>.Some(replay)), property);
    }

    private static (SimulatedVenue Venue, ImmutableArray<UserEvent> Delivered) Run(int script, int seed, int actions)
    {
        var (clock, venue) = Stressed(seed);
        var stream = venue.StreamUserEventsAsync(CancellationToken.None).GetAsyncEnumerator();
        new TradingScript(script, Btc1).Run(venue, clock, actions);
        var delivered = TakeAsync(stream, venue.EventLog.Length).GetAwaiter().GetResult();
        return (venue, delivered);
    }

    [Fact]
    public void RandomOrderSequences_Wallet_NeverNegativeAndReconcilesToTheCent()
    {
        Check((script, seed, actions) =>
        {
            var (venue, _) = Run(script, seed, actions);

            var position = venue.Positions[0];
            var wallet = venue.Balances[0].Wallet;
            var cover = venue.InsuranceCover.Sum(c => c.Amount);
            return wallet >= 0m && wallet - cover == 3_000m + position.RealizedPnl - position.Fees + position.FundingPnl;
        });
    }

    [Fact]
    public void RandomOrderSequences_EveryFill_RecordedOnceAndDeliveredOnce()
    {
        Check((script, seed, actions) =>
        {
            var (venue, delivered) = Run(script, seed, actions);

            var recorded = venue.Orders.SelectMany(o => o.Order.Fills).Select(f => f.TradeId).Order().ToArray();
            var streamed = delivered.OfType<OrderFilled>().Select(f => f.Fill.TradeId).Order().ToArray();
            return recorded.SequenceEqual(streamed) && recorded.Distinct().Count() == recorded.Length
                && delivered.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, delivered.Length).Select(i => (long)i));
        });
    }

    [Fact]
    public void RandomOrderSequences_Position_IsTheSumOfFillsAndLiquidations()
    {
        Check((script, seed, actions) =>
        {
            var (venue, _) = Run(script, seed, actions);

            var fills = venue.Orders.SelectMany(o => o.Order.Fills).Sum(f => f.Side.Sign() * f.Quantity);
            var liquidated = venue.EventLog.OfType<PositionLiquidated>().Sum(l => l.Quantity);
            var ordersConsistent = venue.Orders.All(o => o.Order.FilledQuantity <= o.Order.Request.Quantity
                && o.Order.FilledQuantity == o.Order.Fills.Sum(f => f.Quantity));
            return ordersConsistent && venue.Positions[0].NetQuantity == fills - liquidated;
        });
    }

    [Fact]
    public void StressedAccount_SomeSeeds_LiquidateWithoutANegativeWallet()
    {
        var liquidations = 0;
        for (var seed = 1; seed <= 30 && liquidations == 0; seed++)
        {
            var (venue, _) = Run(seed, seed, 80);
            liquidations += venue.EventLog.OfType<PositionLiquidated>().Count();
            Assert.True(venue.Balances[0].Wallet >= 0m);
        }

        Assert.True(liquidations > 0, "the stressed market liquidates someone");
    }
}
