using System.Collections.Immutable;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Snapshots;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class DeterminismTests
{
    private static (VirtualClock Clock, SimulatedVenue Venue) Busy(long seed) =>
        Create(Settings(TimeSpan.FromHours(1)), TradingScript.RandomMarket(Btc1), seed: seed);

    private static ImmutableArray<UserEvent> RunDay(long seed, int scriptSeed)
    {
        var (clock, venue) = Busy(seed);
        new TradingScript(scriptSeed, Btc1).Run(venue, clock, 150);
        clock.AdvanceTo(T0 + TimeSpan.FromDays(1));
        return venue.EventLog;
    }

    [Fact]
    public void SameScenarioAndSeed_TwoRuns_IdenticalEventLogs()
    {
        var first = RunDay(seed: 11, scriptSeed: 5);

        var second = RunDay(seed: 11, scriptSeed: 5);

        Assert.True(first.Length > 200, $"the script trades ({first.Length} events)");
        Assert.Equal(first.AsEnumerable(), second.AsEnumerable());
    }

    [Fact]
    public void OtherSeed_SameOrders_DifferentMarket()
    {
        var (clockA, a) = Busy(seed: 11);
        var (clockB, b) = Busy(seed: 12);

        clockA.Advance(TimeSpan.FromHours(1));
        clockB.Advance(TimeSpan.FromHours(1));

        Assert.NotEqual(a.Mid(BtcUsdt), b.Mid(BtcUsdt));
    }

    [Fact]
    public void RandomWalk_KnownSeed_PinnedMid()
    {
        var (clock, venue) = Busy(seed: 11);

        clock.Advance(TimeSpan.FromHours(6));

        Assert.Equal(1000.6m, venue.Mid(BtcUsdt));
    }

    [Fact]
    public void ExportAndRestore_MidRun_ContinuesExactlyAsWithoutTheRestart()
    {
        var (clock, venue) = Busy(seed: 3);
        var script = new TradingScript(9, Btc1);
        script.Run(venue, clock, 60);
        var snapshot = SimulatedVenueSnapshot.FromJson(venue.Export().ToJson());
        var logged = venue.EventLog.Length;
        var restoredClock = new VirtualClock(snapshot.At);
        var restored = SimulatedVenue.Restore(snapshot, Settings(TimeSpan.FromHours(1)), [TradingScript.RandomMarket(Btc1)], [], restoredClock);

        var continuation = new TradingScript(21, Btc1);
        var continuationTwin = new TradingScript(21, Btc1);
        continuation.Run(venue, clock, 60);
        continuationTwin.Run(restored, restoredClock, 60);

        Assert.Equal(venue.EventLog.Skip(logged), restored.EventLog.AsEnumerable());
        Assert.Equal(venue.Balances.AsEnumerable(), restored.Balances.AsEnumerable());
        Assert.Equal(venue.Export().ToJson(), restored.Export().ToJson());
    }
}
