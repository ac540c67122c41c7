namespace FundingArb.Venues.Simulation;

/// How a market's mid moves: along given points (PricePathModel) or as a seeded random walk (RandomWalkModel).
public abstract record PriceModel
{
    private protected PriceModel()
    {
    }

    internal abstract decimal StartMid { get; }
}
