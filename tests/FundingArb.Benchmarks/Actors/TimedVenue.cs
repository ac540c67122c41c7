using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;

namespace FundingArb.Benchmarks.Actors;

/// A venue as the node sees it, timestamped at the interface: each PlaceOrderAsync call as it is made (before the
/// venue does anything with it) and as its acknowledgement returns, and each funding settlement as it leaves the user
/// stream. Funding reads pass through the benchmark's FundingFlip; everything else passes through untouched.
internal sealed class TimedVenue(IVenue inner, PlacementRecorder recorder, FundingFlip flip) : IVenue
{
    public VenueId Id => inner.Id;

    public ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        recorder.OnPlace();
        var placing = inner.PlaceOrderAsync(request, cancellationToken);
        if (placing.IsCompletedSuccessfully)
        {
            recorder.OnAcknowledged();
            return placing;
        }

        return AcknowledgedAsync(placing);
    }

    /// Subscribes at once, as the contract asks; only the reading is wrapped.
    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        Observe(inner.StreamUserEventsAsync(cancellationToken), cancellationToken);

    public ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) => inner.GetInstrumentsAsync(cancellationToken);

    public ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var reading = inner.GetFundingAsync(symbol, cancellationToken);
        return reading.IsCompletedSuccessfully ? ValueTask.FromResult(flip.Apply(reading.Result)) : FlippedAsync(reading);
    }

    public ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken) => inner.GetMarkPriceAsync(symbol, cancellationToken);

    public ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        inner.GetOrderBookAsync(symbol, depth, cancellationToken);

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        inner.StreamOrderBookAsync(symbol, depth, cancellationToken);

    public ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        inner.CancelOrderAsync(clientOrderId, cancellationToken);

    public ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        inner.GetOrderAsync(clientOrderId, cancellationToken);

    public ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) => inner.GetOpenOrdersAsync(cancellationToken);

    public ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.GetFundingHistoryAsync(symbol, since, cancellationToken);

    private async ValueTask<OrderAck> AcknowledgedAsync(ValueTask<OrderAck> placing)
    {
        var ack = await placing.ConfigureAwait(false);
        recorder.OnAcknowledged();
        return ack;
    }

    private async ValueTask<FundingInfo> FlippedAsync(ValueTask<FundingInfo> reading) => flip.Apply(await reading.ConfigureAwait(false));

    private async IAsyncEnumerable<UserEvent> Observe(IAsyncEnumerable<UserEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var userEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (userEvent is FundingSettled)
            {
                recorder.OnFunding();
            }

            yield return userEvent;
        }
    }
}
