using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Venues;

/// A venue that passes every call to an inner one; a test venue overrides only what it changes.
internal abstract class PassThroughVenue(IVenue inner) : IVenue
{
    protected IVenue Inner => inner;

    public VenueId Id => inner.Id;

    public virtual IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) => inner.StreamUserEventsAsync(cancellationToken);

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

    public virtual ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        inner.GetOrderAsync(clientOrderId, cancellationToken);

    public virtual ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) => inner.GetOpenOrdersAsync(cancellationToken);

    public ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.GetFundingHistoryAsync(symbol, since, cancellationToken);
}
