namespace FundingArb.Venues.Simulation;

/// How a market's funding rate moves: a step function of points (FundingPathModel) or a seeded mean-reverting
/// process (MeanRevertingFundingModel). Rates are per the market's interval in effect at the time.
public abstract record FundingModel
{
    private protected FundingModel()
    {
    }
}
