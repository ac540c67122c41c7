namespace FundingArb.Trading.Instruments;

public enum SizingRejectionReason
{
    BudgetBelowCommonStep,
    BelowMinSize,
    BelowMinNotional,
}
