using Akka.Actor;
using FundingArb.Actors.Orders;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Pairs;

// An open pair weighs its exit rules on every market update; a stop command closes both legs or, keeping the
// position, stops managing them.
public sealed partial class FundingArbExecutor
{
    private void EvaluateExit()
    {
        if (_long?.Book is not { BestBid: { } longBid } || _short?.Book is not { BestAsk: { } shortAsk } || _state.OpenedAt is not { } openedAt)
        {
            return;
        }

        var longNotional = _state.LongLeg.Amount * longBid;
        var shortNotional = _state.ShortLeg.Amount * shortAsk;
        var legs = _state.LongLeg.RealizedPnl + _state.LongLeg.UnrealizedPnl(longBid) + _state.ShortLeg.RealizedPnl + _state.ShortLeg.UnrealizedPnl(shortAsk) - _state.FeesQuote;
        var (longFees, shortFees) = (_settings.FeesOf(_spec.LongVenue), _settings.FeesOf(_spec.ShortVenue));
        var exitFees = (longNotional * longFees.TakerRate) + (shortNotional * shortFees.TakerRate);
        var size = Math.Max(longNotional, shortNotional);
        var roundTrip = size * FeeCalculator.RoundTripRate(longFees, shortFees, _settings.Orders.Mode.ExpectedEntryRole(), LiquidityRole.Taker);
        var snapshot = new FundingPairSnapshot(ExpectedSpreadPerDay(), NextSpreadPerDay(), legs, _state.FundingQuote, exitFees, roundTrip, size, openedAt, Now, _alternative);
        var decision = _exitRules.Evaluate(snapshot);
        if (decision.ShouldExit)
        {
            ChangePhase(new PairExitStarted(decision.CloseType!.Value, decision.Describe(), Now));
        }
    }

    private void OnStop(StopPair stop)
    {
        if (_state.IsTerminal)
        {
            return;
        }

        if (stop.KeepPosition || _state.Phase == PairPhase.New)
        {
            foreach (var run in _legs.Values.Where(r => !r.Done))
            {
                run.Actor.Tell(CancelLeg.Instance);
            }

            Persist(new PairClosed(CloseType.PositionHold, "stopped by command; position kept", Now), Record);
        }
        else if (_state.Phase == PairPhase.Opening)
        {
            ChangePhase(new PairRollbackStarted("stopped by command during entry", Now));
        }
        else if (_state.Phase is PairPhase.Open or PairPhase.Completing)
        {
            ChangePhase(new PairExitStarted(CloseType.EarlyStop, "stopped by command", Now));
        }
    }
}
