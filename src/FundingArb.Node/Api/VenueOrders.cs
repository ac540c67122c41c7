using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using FundingArb.Node.Hosting;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Api;

// A simulated venue keeps every order it has seen. A connector venue lists only its open orders, so the pairs' own
// orders are looked up one by one by client order id on the two venues of their pair (an id one venue does not know is
// the other leg's); a manual order that is no longer open is not found (docs/node.md, "Venues"). A connector venue
// that cannot be reached is left out rather than failing the answer.

/// The orders the node can see at each venue, with their fills.
internal static class VenueOrders
{
    public static async Task<ImmutableArray<(VenueId Venue, TrackedOrder Order)>> AllAsync(NodeRuntime node, IReadOnlyList<PairReport> reports,
        CancellationToken cancellationToken)
    {
        var orders = ImmutableArray.CreateBuilder<(VenueId, TrackedOrder)>();
        foreach (var venue in node.Venues)
        {
            if (venue is SimulatedVenue simulated)
            {
                orders.AddRange(simulated.Orders.Select(h => (venue.Id, h.Order)));
                continue;
            }

            try
            {
                orders.AddRange((await ConnectorOrdersAsync(venue, reports, cancellationToken).ConfigureAwait(false)).Select(o => (venue.Id, o)));
            }
            catch (VenueException failure) when (failure is not UnknownOrderException)
            {
                // Unreachable for now: its funding view says so.
            }
        }

        return orders.ToImmutable();
    }

    private static async Task<IEnumerable<TrackedOrder>> ConnectorOrdersAsync(IVenue venue, IReadOnlyList<PairReport> reports, CancellationToken cancellationToken)
    {
        var found = (await venue.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.ClientOrderId.Value, StringComparer.Ordinal);
        var pairOrders = reports.Where(r => r.Spec.LongVenue == venue.Id.Value || r.Spec.ShortVenue == venue.Id.Value)
            .SelectMany(r => r.ClientOrderIds).Distinct(StringComparer.Ordinal).Where(id => !found.ContainsKey(id)).ToList();
        foreach (var id in pairOrders)
        {
            try
            {
                found[id] = await venue.GetOrderAsync(new ClientOrderId(id), cancellationToken).ConfigureAwait(false);
            }
            catch (UnknownOrderException)
            {
                // The other leg's order.
            }
        }

        return found.Values;
    }
}
