namespace FundingArb.Trading.Barriers;

/// What the triple barrier remembers between steps: whether the trailing stop is armed and its trigger.
public readonly record struct BarrierState(bool TrailingArmed, decimal TrailingTrigger)
{
    public static BarrierState Initial => default;
}
