using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Venues;

/// A venue whose first user stream fails with an error that is not a VenueException (a bug in a connector or a paper
/// account, not a drop); every later subscription is the inner venue's own. Everything else passes through.
internal sealed class FaultingStreamVenue(IVenue inner) : IVenue
{
    private int _subscriptions;

    public int Subscriptions => Volatile.Read(ref _subscriptions);

    public VenueId Id => inner.Id;

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _subscriptions) == 1 ? Faulting(cancellationToken) : inner.StreamUserEventsAsync(cancellationToken);

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

    public ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        inner.GetOrderAsync(clientOrderId, cancellationToken);

    public ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) => inner.GetOpenOrdersAsync(cancellationToken);

    public ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.GetFundingHistoryAsync(symbol, since, cancellationToken);

    private static async IAsyncEnumerable<UserEvent> Faulting([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("the account's book could not be read");
#pragma warning disable CS0162 // An iterator needs a yield to be one; the throw above always ends it.
        yield break;
#pragma warning restore CS0162
    }
}
