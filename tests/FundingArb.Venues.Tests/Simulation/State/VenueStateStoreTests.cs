using FundingArb.Trading.Orders;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;
using FundingArb.Venues.Simulation.State;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation.State;

public sealed class VenueStateStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-venue-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Open_AfterSave_RestoresTheOrdersAndBalancesAtTheSavedTime()
    {
        var simulation = Simulation();
        var clock = new VirtualClock(T0);
        var store = new VenueStateStore(_folder);
        var venue = Assert.Single(store.Open(simulation, clock));
        Done(venue.PlaceOrderAsync(Limit("rest", OrderSide.Buy, 1m, 990m), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(5));
        store.Save(venue);
        var balances = Done(venue.GetBalancesAsync(CancellationToken.None));

        var restored = Assert.Single(new VenueStateStore(_folder).Open(simulation, clock));

        Assert.Equal(T0 + TimeSpan.FromMinutes(5), new VenueStateStore(_folder).LastSavedAt(simulation.Venues));
        Assert.Equal([("rest", OrderStatus.Open)], restored.Orders.Select(o => (o.Order.ClientOrderId.Value, o.Order.Status)));
        Assert.Equal(balances.ToArray(), Done(restored.GetBalancesAsync(CancellationToken.None)).ToArray());
    }

    [Fact]
    public void Open_WithNothingSaved_StartsANewVenueAtTheClock()
    {
        var clock = new VirtualClock(T0 + TimeSpan.FromDays(1));

        var venue = Assert.Single(new VenueStateStore(_folder).Open(Simulation(), clock));

        Assert.Empty(venue.Orders);
        Assert.Equal(T0 + TimeSpan.FromDays(1), venue.Now);
    }

    [Fact]
    public void Open_SavedStateOfOtherFaults_ThrowsInvalidDataNamingTheFile()
    {
        var clock = new VirtualClock(T0);
        var store = new VenueStateStore(_folder);
        store.Save(Assert.Single(store.Open(Simulation(), clock)));
        var changed = Simulation() with { Venues = [new ScenarioVenue(Settings(), [Flat()], [new RejectOrdersFault(T0 + TimeSpan.FromHours(1))])] };

        var failure = Assert.Throws<InvalidDataException>(() => store.Open(changed, clock));

        Assert.Contains(System.IO.Path.Combine(_folder, "alpha.json"), failure.Message, StringComparison.Ordinal);
    }

    private static Scenario Simulation() => new()
    {
        Name = "state",
        Seed = 7,
        Start = T0,
        Duration = TimeSpan.FromDays(1),
        Venues = [new ScenarioVenue(Settings(), [Flat()], [])],
    };
}
