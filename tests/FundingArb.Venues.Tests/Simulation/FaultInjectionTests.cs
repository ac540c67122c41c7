using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

// Faults injected at run time (SimulatedVenue.Inject, behind the exchange's admin endpoint) act as scheduled ones do.
public sealed class FaultInjectionTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public void Inject_RateLimitNow_RefusesRequestsUntilItsWindowEnds()
    {
        var (clock, venue) = Create();
        clock.Advance(TimeSpan.FromMinutes(1));

        venue.Inject(new RateLimitFault(clock.GetUtcNow(), TimeSpan.FromSeconds(10)));
        var during = venue.GetBalancesAsync(s_none);
        clock.Advance(TimeSpan.FromSeconds(10));
        var after = venue.GetBalancesAsync(s_none);

        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<RateLimitedException>(during.AsTask().Exception!.InnerException).RetryAfter);
        Assert.True(after.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Inject_DisconnectNow_EndsOpenStreamsAtOnce()
    {
        var (clock, venue) = Create();
        await using var stream = venue.StreamUserEventsAsync(s_none).GetAsyncEnumerator();
        var next = stream.MoveNextAsync();

        venue.Inject(new DisconnectFault(clock.GetUtcNow(), TimeSpan.FromSeconds(30)));

        await Assert.ThrowsAsync<VenueUnavailableException>(() => next.AsTask().WaitAsync(Deadline));
    }

    [Fact]
    public void Inject_RejectOrdersCountOne_RefusesTheNextOrderOnly()
    {
        var (clock, venue) = Create();

        venue.Inject(new RejectOrdersFault(clock.GetUtcNow(), 1, VenueError.InsufficientMargin));
        var first = venue.PlaceOrderAsync(Market("a", OrderSide.Buy, 1m), s_none);
        var second = Done(venue.PlaceOrderAsync(Market("b", OrderSide.Buy, 1m), s_none));

        Assert.IsType<InsufficientMarginException>(first.AsTask().Exception!.InnerException);
        Assert.Equal(OrderStatus.Filled, second.Status);
    }

    [Fact]
    public void Restore_AfterAnInjectedFault_KeepsTheScheduledFaultsOnly()
    {
        var scheduled = new RejectOrdersFault(T0 + TimeSpan.FromHours(1), 2);
        var (clock, venue) = Create(faults: [scheduled]);
        venue.Inject(new RejectOrdersFault(clock.GetUtcNow(), 1));

        var restored = SimulatedVenue.Restore(venue.Export(), Settings(), [Flat()], [scheduled], clock);
        var order = Done(restored.PlaceOrderAsync(Market("a", OrderSide.Buy, 1m), s_none));

        Assert.Same(scheduled, Assert.Single(restored.Faults));
        Assert.Equal(OrderStatus.Filled, order.Status);
    }
}
