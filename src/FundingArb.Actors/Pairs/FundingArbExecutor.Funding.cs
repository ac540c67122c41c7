using Akka.Actor;
using Akka.Event;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using FundingArb.Venues;

namespace FundingArb.Actors.Pairs;

// Funding is journalled once per venue and settlement instant, whether the user stream brought it or the venue's
// history did: a restart or a dropped stream is followed by a look at the history since the entry began.
public sealed partial class FundingArbExecutor
{
    private void SubscribeFunding()
    {
        _gateways[_spec.LongVenueId].Tell(new SubscribeFunding(_spec.LongSymbolId));
        _gateways[_spec.ShortVenueId].Tell(new SubscribeFunding(_spec.ShortSymbolId));
    }

    private void OnFunding(FundingSettled settled) => RecordFunding(settled.Payment);

    /// Asks the venue for the funding it settled since the entry began: after a restart (a payment may have reached
    /// the venue's wallet but not our journal) and after the user stream was down (the venue does not replay it).
    private void ReconcileFunding(VenueId venue)
    {
        if (_state.Phase is PairPhase.New or PairPhase.Closed || _state.EntryStartedAt is not { } since)
        {
            return;
        }

        var symbol = venue == _spec.LongVenueId ? _spec.LongSymbolId : _spec.ShortSymbolId;
        _gateways[venue].Tell(new FetchFundingHistory(symbol, since));
    }

    private void OnFundingHistory(FundingHistoryFetched fetched)
    {
        foreach (var payment in fetched.Payments)
        {
            RecordFunding(payment);
        }
    }

    private void OnFundingHistoryFailed(FundingHistoryFailed failed)
    {
        Log.Warning("{ExecutorId}: funding history of {Venue} unavailable ({Error}); asking again in {Backoff}", _spec.ExecutorId, failed.Venue,
            failed.Error.Message, _settings.Orders.RetryBackoff);
        Timers.StartSingleTimer(new FundingReconcileDue(failed.Venue), new FundingReconcileDue(failed.Venue), _settings.Orders.RetryBackoff);
    }

    /// Journals a payment on one of our legs once, whether it came from the stream or from the venue's history.
    private void RecordFunding(FundingPayment payment)
    {
        var ours = (payment.Venue == _spec.LongVenueId && payment.Symbol == _spec.LongSymbolId && payment.Side == PositionSide.Long)
            || (payment.Venue == _spec.ShortVenueId && payment.Symbol == _spec.ShortSymbolId && payment.Side == PositionSide.Short);
        if (!ours || _state.HasSeenFunding(payment.Venue.Value, payment.At) || !PairTransitions.Allows(_state.Phase, typeof(PairFundingReceived)))
        {
            return;
        }

        Persist(new PairFundingReceived(payment.Venue.Value, payment.Symbol.Value, payment.Side, payment.Size, payment.Price, payment.Rate,
            payment.Amount, payment.At), Record);
    }
}
