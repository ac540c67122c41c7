using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Simulation;

/// A simulated venue as it ended a run: every order it saw, what it refused, positions and funding paid.
public sealed record VenueOutcome(
    VenueId Id,
    ImmutableArray<OrderHistory> Orders,
    ImmutableArray<RejectedOrder> Rejections,
    ImmutableArray<PositionHold> Positions,
    ImmutableArray<FundingPayment> FundingPayments)
{
    public static VenueOutcome Of(SimulatedVenue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        return new VenueOutcome(venue.Id, venue.Orders, venue.Rejections, venue.Positions, venue.FundingPayments);
    }
}
