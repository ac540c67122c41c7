using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Barriers;

public sealed class TripleBarrierEvaluatorTests
{
    private static readonly TripleBarrier s_barrier = new()
    {
        StopLoss = 0.01m,
        TakeProfit = 0.05m,
        TimeLimit = TimeSpan.FromHours(1),
        TrailingStop = new TrailingStop(activationPnl: 0.02m, trailingDelta: 0.005m),
    };

    private static BarrierDecision Step(decimal pnl, BarrierState state = default, bool established = true, TimeSpan? elapsed = null) =>
        TripleBarrierEvaluator.Evaluate(s_barrier, new BarrierInput(pnl, established, T0, T0 + (elapsed ?? TimeSpan.FromMinutes(1))), state);

    [Fact]
    public void Evaluate_PnlAtStopLoss_ClosesWithStopLoss()
    {
        var decision = Step(-0.01m);

        Assert.Equal((CloseType.StopLoss, -0.01m, -0.01m), (decision.CloseType, decision.Measured, decision.Threshold));
    }

    [Fact]
    public void Evaluate_PnlAboveStopLoss_Holds()
    {
        var decision = Step(-0.0099m);

        Assert.False(decision.ShouldClose);
    }

    [Fact]
    public void Evaluate_NotEstablished_IgnoresStopLoss()
    {
        var decision = Step(-0.5m, established: false);

        Assert.False(decision.ShouldClose);
    }

    [Fact]
    public void Evaluate_PnlBelowActivation_DoesNotArmTrailing()
    {
        var decision = Step(0.02m);

        Assert.False(decision.State.TrailingArmed);
    }

    [Fact]
    public void Evaluate_PnlAboveActivation_ArmsTrailingAtPnlMinusDelta()
    {
        var decision = Step(0.025m);

        Assert.Equal((false, new BarrierState(true, 0.020m)), (decision.ShouldClose, decision.State));
    }

    [Fact]
    public void Evaluate_ArmedAndPnlRises_RatchetsTriggerUp()
    {
        var decision = Step(0.03m, new BarrierState(true, 0.02m));

        Assert.Equal(0.025m, decision.State.TrailingTrigger);
    }

    [Fact]
    public void Evaluate_ArmedAndPnlDipsAboveTrigger_KeepsTrigger()
    {
        var decision = Step(0.027m, new BarrierState(true, 0.025m));

        Assert.Equal((false, 0.025m), (decision.ShouldClose, decision.State.TrailingTrigger));
    }

    [Fact]
    public void Evaluate_ArmedAndPnlBelowTrigger_ClosesWithTrailingStop()
    {
        var decision = Step(0.024m, new BarrierState(true, 0.025m));

        Assert.Equal((CloseType.TrailingStop, 0.024m, 0.025m), (decision.CloseType, decision.Measured, decision.Threshold));
    }

    [Fact]
    public void Evaluate_TrailingSequence_ArmsRatchetsAndCloses()
    {
        var state = BarrierState.Initial;
        CloseType? closed = null;

        foreach (var pnl in new[] { 0.015m, 0.025m, 0.04m, 0.037m, 0.034m })
        {
            var decision = Step(pnl, state);
            state = decision.State;
            closed ??= decision.CloseType;
        }

        Assert.Equal((CloseType.TrailingStop, 0.035m), (closed, state.TrailingTrigger));
    }

    [Fact]
    public void Evaluate_PnlAtTakeProfit_ClosesWithTakeProfit()
    {
        var decision = Step(0.05m, new BarrierState(true, 0.02m));

        Assert.Equal(CloseType.TakeProfit, decision.CloseType);
    }

    [Fact]
    public void Evaluate_TakeProfitStep_CarriesRatchetedTrigger()
    {
        var decision = Step(0.06m, new BarrierState(true, 0.02m));

        Assert.Equal(0.055m, decision.State.TrailingTrigger);
    }

    [Fact]
    public void Evaluate_StopLossAndTimeLimitBoth_StopLossWins()
    {
        var decision = Step(-0.02m, elapsed: TimeSpan.FromHours(2));

        Assert.Equal(CloseType.StopLoss, decision.CloseType);
    }

    [Fact]
    public void Evaluate_TrailingAndTakeProfitBoth_TrailingWins()
    {
        var barrier = s_barrier with { TakeProfit = 0.01m };

        var decision = TripleBarrierEvaluator.Evaluate(barrier, new BarrierInput(0.015m, true, T0, T0), new BarrierState(true, 0.02m));

        Assert.Equal(CloseType.TrailingStop, decision.CloseType);
    }

    [Fact]
    public void Evaluate_AtTimeLimit_ClosesWithTimeLimitInSeconds()
    {
        var decision = Step(0m, elapsed: TimeSpan.FromHours(1));

        Assert.Equal((CloseType.TimeLimit, 3600m, 3600m), (decision.CloseType, decision.Measured, decision.Threshold));
    }

    [Fact]
    public void Evaluate_NotEstablishedPastTimeLimit_StillClosesOnTime()
    {
        var decision = Step(0m, established: false, elapsed: TimeSpan.FromHours(3));

        Assert.Equal(CloseType.TimeLimit, decision.CloseType);
    }

    [Fact]
    public void Evaluate_NoBarriers_Holds()
    {
        var decision = TripleBarrierEvaluator.Evaluate(new TripleBarrier(), new BarrierInput(-1m, true, T0, T0.AddYears(1)), default);

        Assert.False(decision.ShouldClose);
    }

    [Fact]
    public void Evaluate_NullBarrier_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TripleBarrierEvaluator.Evaluate(null!, new BarrierInput(0m, true, T0, T0), default));
    }
}
