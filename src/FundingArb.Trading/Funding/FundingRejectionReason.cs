namespace FundingArb.Trading.Funding;

public enum FundingRejectionReason
{
    NotANumber,
    Infinite,
    Unparseable,
    BeyondCap,
    IntervalOutOfRange,
    Stale,
    NoFeeSchedule,
}
