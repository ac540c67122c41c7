using FundingArb.Trading.Executors;

namespace FundingArb.Trading.Barriers;

// Hot path: evaluated on every executor step. Structs in and out; no allocation.

/// Evaluates stop loss, trailing stop, take profit and time limit in that order and returns at most one
/// close per step, so two barriers can never send two closes.
public static class TripleBarrierEvaluator
{
    public static BarrierDecision Evaluate(TripleBarrier barrier, in BarrierInput input, BarrierState state)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        var pnl = input.NetPnlFraction;
        if (input.PositionEstablished)
        {
            if (barrier.StopLoss is { } stopLoss && pnl <= -stopLoss)
            {
                return new BarrierDecision(CloseType.StopLoss, state, pnl, -stopLoss);
            }

            if (barrier.TrailingStop is { } trailing)
            {
                if (!state.TrailingArmed)
                {
                    if (pnl > trailing.ActivationPnl)
                    {
                        state = new BarrierState(true, pnl - trailing.TrailingDelta);
                    }
                }
                else if (pnl < state.TrailingTrigger)
                {
                    return new BarrierDecision(CloseType.TrailingStop, state, pnl, state.TrailingTrigger);
                }
                else if (pnl - trailing.TrailingDelta > state.TrailingTrigger)
                {
                    state = state with { TrailingTrigger = pnl - trailing.TrailingDelta };
                }
            }

            if (barrier.TakeProfit is { } takeProfit && pnl >= takeProfit)
            {
                return new BarrierDecision(CloseType.TakeProfit, state, pnl, takeProfit);
            }
        }

        if (barrier.TimeLimit is { } limit && input.Now >= input.CreatedAt + limit)
        {
            var elapsedSeconds = (decimal)(input.Now - input.CreatedAt).Ticks / TimeSpan.TicksPerSecond;
            return new BarrierDecision(CloseType.TimeLimit, state, elapsedSeconds, (decimal)limit.Ticks / TimeSpan.TicksPerSecond);
        }

        return new BarrierDecision(null, state, pnl, 0m);
    }
}
