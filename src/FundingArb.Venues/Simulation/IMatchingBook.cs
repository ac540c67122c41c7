namespace FundingArb.Venues.Simulation;

/// One market's book as matching reads and consumes it: the levels of each side, best first, with what is left of each.
/// The simulated venue's generated book and a paper venue's copy of a live book both are one.
internal interface IMatchingBook
{
    int Count(bool bid);

    decimal LevelPrice(bool bid, int index);

    decimal Available(bool bid, int index);

    void Take(bool bid, int index, decimal quantity);
}
