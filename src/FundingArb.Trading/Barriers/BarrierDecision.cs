using FundingArb.Trading.Executors;

namespace FundingArb.Trading.Barriers;

/// One step's outcome. CloseType is null to hold. State is the barrier state to carry to the next step,
/// whether or not a barrier fired. Measured and Threshold are the figures the firing barrier compared.
public readonly record struct BarrierDecision(CloseType? CloseType, BarrierState State, decimal Measured, decimal Threshold)
{
    public bool ShouldClose => CloseType is not null;
}
