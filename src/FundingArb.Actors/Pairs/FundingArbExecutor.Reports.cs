using System.Globalization;
using Akka.Actor;
using Akka.Event;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Pairs;

// What the executor tells others: its report to the parent after every recorded change, and the log an operator reads.
public sealed partial class FundingArbExecutor
{
    /// Logs a recorded event and reports the pair to the parent.
    private void Publish(object @event)
    {
        Describe(@event);
        if (@event is PairClosed)
        {
            // A closed pair decides nothing more: market updates and funding settlements would only cost.
            _marketData.Tell(new UnsubscribeMarket(_spec.LongVenueId, _spec.LongSymbolId));
            _marketData.Tell(new UnsubscribeMarket(_spec.ShortVenueId, _spec.ShortSymbolId));
            _gateways[_spec.LongVenueId].Tell(new UnsubscribeFunding(_spec.LongSymbolId));
            _gateways[_spec.ShortVenueId].Tell(new UnsubscribeFunding(_spec.ShortSymbolId));
        }

        Context.Parent.Tell(new ExecutorUpdated(Report()));
    }

    // What an operator reads in the node's log: every phase change at Info, fills and funding at Debug. The node
    // adds the pair's symbol and venues to each line from the actor's path.
    private void Describe(object @event)
    {
        switch (@event)
        {
            case PairEntryStarted e:
                Log.Info("{ExecutorId}: entry started, {Size} base per leg at {LongPrice} / {ShortPrice}, spread {SpreadPerDay} per day",
                    _spec.ExecutorId, e.Size, e.LongPrice, e.ShortPrice, e.EntrySpreadPerDay);
                break;
            case PairOpened:
                Log.Info("{ExecutorId}: both legs filled, hedged", _spec.ExecutorId);
                break;
            case PairCompletionStarted e:
                Log.Info("{ExecutorId}: completing the entry: {Reason}", _spec.ExecutorId, e.Reason);
                break;
            case PairRollbackStarted e:
                Log.Info("{ExecutorId}: rolling back: {Reason}", _spec.ExecutorId, e.Reason);
                break;
            case PairExitStarted e:
                Log.Info("{ExecutorId}: exit {CloseType}: {Reason}", _spec.ExecutorId, e.CloseType, e.Reason);
                break;
            case PairClosed e:
                Log.Info("{ExecutorId}: closed {CloseType}: {Reason}; net PnL {NetPnlQuote} {Quote}", _spec.ExecutorId, e.CloseType, e.Reason,
                    Report().NetPnlQuote, _spec.Quote);
                break;
            case PairLegFilled e:
                Log.Debug("{ExecutorId}: {Leg} filled {Quantity} at {Price} on {Venue}", _spec.ExecutorId, e.Leg, e.Quantity, e.Price, e.Venue);
                break;
            case PairFundingReceived e:
                Log.Debug("{ExecutorId}: funding {Amount} on {Venue} at rate {Rate}", _spec.ExecutorId, e.Amount, e.Venue, e.Rate);
                break;
        }
    }

    private string DescribeLegs() => string.Create(CultureInfo.InvariantCulture,
        $"its legs are left as they are: long {_state.LongLeg.NetQuantity:0.##########} {_spec.LongSymbol} on {_spec.LongVenue}, short {-_state.ShortLeg.NetQuantity:0.##########} {_spec.ShortSymbol} on {_spec.ShortVenue}");

    private PairReport Report()
    {
        var longMark = _long?.Funding.MarkPrice;
        var shortMark = _short?.Funding.MarkPrice;
        var unrealized = (longMark is { } lm ? _state.LongLeg.UnrealizedPnl(lm) : 0m) + (shortMark is { } sm ? _state.ShortLeg.UnrealizedPnl(sm) : 0m);
        var trade = _state.LongLeg.RealizedPnl + _state.ShortLeg.RealizedPnl + unrealized;
        var status = _state.Phase switch
        {
            PairPhase.New => RunnableStatus.NotStarted,
            PairPhase.Closed => RunnableStatus.Terminated,
            PairPhase.Closing or PairPhase.RollingBack => RunnableStatus.ShuttingDown,
            _ => RunnableStatus.Running,
        };
        return new PairReport(_spec, _state.Phase, status, _state.CloseType, _state.CloseReason, _state.OpenedAt, _state.ClosedAt, _state.Size,
            _state.LongLeg.NetQuantity, _state.ShortLeg.NetQuantity, _state.FundingQuote, _state.FeesQuote, trade,
            trade + _state.FundingQuote - _state.FeesQuote, _state.LongLeg.Volume + _state.ShortLeg.Volume,
            [.. _state.Intents.Select(i => i.ClientOrderId)], Now);
    }
}
