using Akka.TestKit.Xunit2;
using FundingArb.Actors.Venues;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Tests.Venues;

public sealed class VenueGatewayStreamFaultTests : TestKit
{
    // A user stream that ends in an error other than the venue's is not a quiet end: the gateway logs it as an error
    // and subscribes again, as after a drop, so the fills that follow still reach the legs.
    [Fact]
    public void A_user_stream_failing_with_a_non_venue_error_is_logged_and_resubscribed()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        var venues = TwoVenueScenario.Create().CreateVenues(clock);
        try
        {
            var venue = new FaultingStreamVenue(venues[0]);

            EventFilter.Error(contains: "user stream failed").ExpectOne(() =>
                Sys.ActorOf(VenueGateway.Props(venue, VenueGatewaySettings.Default with
                {
                    ReconnectMinBackoff = TimeSpan.FromMilliseconds(10), ReconnectMaxBackoff = TimeSpan.FromMilliseconds(10),
                })));

            AwaitAssert(() => Assert.Equal(2, venue.Subscriptions), TimeSpan.FromSeconds(10));
            AwaitAssert(() => Assert.Equal(1, venues[0].UserStreamCount), TimeSpan.FromSeconds(10));
        }
        finally
        {
            foreach (var simulated in venues)
            {
                simulated.Dispose();
            }
        }
    }
}
