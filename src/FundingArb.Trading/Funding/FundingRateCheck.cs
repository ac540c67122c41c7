namespace FundingArb.Trading.Funding;

/// A venue's raw rate after validation: Rate when usable, otherwise Rejection says why.
public readonly record struct FundingRateCheck(FundingRate? Rate, FundingRejection? Rejection)
{
    public bool IsValid => Rejection is null;
}
