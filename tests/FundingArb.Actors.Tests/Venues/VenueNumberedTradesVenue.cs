using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Venues;

/// A simulated venue whose trades are numbered as Binance numbers them, from 1 at each venue ("alpha-t7" reads 7),
/// so that two such venues report the same trade ids. Everything else passes through.
internal sealed class VenueNumberedTradesVenue(IVenue inner) : PassThroughVenue(inner)
{
    /// Subscribes at the call, as IVenue requires, not when the enumeration starts.
    public override IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) => Numbered(Inner.StreamUserEventsAsync(cancellationToken), cancellationToken);

    public override async ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Numbered(await Inner.GetOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false));

    public override async ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        [.. (await Inner.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false)).Select(Numbered)];

    private static async IAsyncEnumerable<UserEvent> Numbered(IAsyncEnumerable<UserEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var userEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return userEvent is OrderFilled filled ? filled with { Fill = Numbered(filled.Fill) } : userEvent;
        }
    }

    private static TrackedOrder Numbered(TrackedOrder order) =>
        TrackedOrder.Restore(order.Request, order.Status, [.. order.Fills.Select(Numbered)], order.VenueOrderId, order.Reason, order.UpdatedAt);

    private static Fill Numbered(Fill fill) =>
        new(fill.TradeId[(fill.TradeId.LastIndexOf('t') + 1)..], fill.ClientOrderId, fill.Side, fill.Price, fill.Quantity, fill.Fee, fill.Role, fill.At);
}
