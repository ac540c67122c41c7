using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Lockstep;

/// A connector as a lockstep simulation's node sees it: each call waits for Settle to send it and to hand its answer
/// back; each stream subscribes at once and its items wait for Settle.
internal sealed class LockstepVenue(WireLockstep lockstep, IVenue connector) : IVenue
{
    public VenueId Id => connector.Id;

    public ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        Call(() => connector.GetInstrumentsAsync(cancellationToken), "instruments");

    public ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken) =>
        Call(() => connector.GetFundingAsync(symbol, cancellationToken), "funding");

    public ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken) =>
        Call(() => connector.GetMarkPriceAsync(symbol, cancellationToken), "mark");

    public ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        Call(() => connector.GetOrderBookAsync(symbol, depth, cancellationToken), "book");

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        Stream(token => connector.StreamOrderBookAsync(symbol, depth, token), "book stream", cancellationToken);

    public ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken) =>
        Call(() => connector.PlaceOrderAsync(request, cancellationToken), "place");

    public ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Call(() => connector.CancelOrderAsync(clientOrderId, cancellationToken), "cancel");

    public ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Call(() => connector.GetOrderAsync(clientOrderId, cancellationToken), "order");

    public ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        Call(() => connector.GetOpenOrdersAsync(cancellationToken), "open orders");

    public ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken) =>
        Call(() => connector.GetPositionsAsync(cancellationToken), "positions");

    public ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken) =>
        Call(() => connector.GetBalancesAsync(cancellationToken), "balances");

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken) =>
        Call(() => connector.GetFundingHistoryAsync(symbol, since, cancellationToken), "funding history");

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        Stream(connector.StreamUserEventsAsync, "user stream", cancellationToken);

    private ValueTask<T> Call<T>(Func<ValueTask<T>> send, string what)
    {
        var call = new LockstepCall<T>(lockstep, send);
        lockstep.Enqueue(call, $"{Id} {what}");
        return call.Answer;
    }

    private LockstepStream<T> Stream<T>(Func<CancellationToken, IAsyncEnumerable<T>> open, string what, CancellationToken cancellationToken)
    {
        var stream = new LockstepStream<T>(lockstep, open, cancellationToken);
        lockstep.StartNow(stream, $"{Id} {what}");
        return stream;
    }
}
