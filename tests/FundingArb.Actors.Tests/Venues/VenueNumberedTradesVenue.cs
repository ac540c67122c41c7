using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Venues;

/// A simulated venue whose trades are numbered as Binance numbers them, from 1 at each venue ("alpha-t7" reads 7),
/// so that two such venues report the same trade ids. Everything else passes through.
internal sealed class VenueNumberedTradesVenue(IVenue inner) : IVenue
{
    public VenueId Id => inner.Id;

    /// Subscribes at the call, as IVenue requires, not when the enumeration starts.
    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) => Numbered(inner.StreamUserEventsAsync(cancellationToken), cancellationToken);

    public async ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Numbered(await inner.GetOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false));

    public async ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        [.. (await inner.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false)).Select(Numbered)];

    public ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) => inner.GetInstrumentsAsync(cancellationToken);

    public ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken) => inner.GetFundingAsync(symbol, cancellationToken);

    public ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken) => inner.GetMarkPriceAsync(symbol, cancellationToken);

    public ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        inner.GetOrderBookAsync(symbol, depth, cancellationToken);

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        inner.StreamOrderBookAsync(symbol, depth, cancellationToken);

    public ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) => inner.PlaceOrderAsync(request, cancellationToken);

    public ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        inner.CancelOrderAsync(clientOrderId, cancellationToken);

    public ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.GetFundingHistoryAsync(symbol, since, cancellationToken);

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
