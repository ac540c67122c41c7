using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Fees;

public static class FeeCalculator
{
    public static decimal Fee(decimal notional, FeeSchedule schedule, LiquidityRole role)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(notional);
        return notional * schedule.Rate(role);
    }

    /// Entry and exit on both legs. Hummingbot's funding script counts only the entry taker fees
    ///; a pair that cannot pay its exit is not profitable, so both are here.
    public static PairFeeCosts PairCosts(
        decimal longNotional,
        FeeSchedule longFees,
        decimal shortNotional,
        FeeSchedule shortFees,
        LiquidityRole entryRole,
        LiquidityRole exitRole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(longNotional);
        ArgumentOutOfRangeException.ThrowIfNegative(shortNotional);
        return new PairFeeCosts(
            Fee(longNotional, longFees, entryRole),
            Fee(shortNotional, shortFees, entryRole),
            Fee(longNotional, longFees, exitRole),
            Fee(shortNotional, shortFees, exitRole));
    }

    /// Entry plus exit fees of both legs as a fraction of one leg's notional, for equal notionals.
    public static decimal RoundTripRate(FeeSchedule longFees, FeeSchedule shortFees, LiquidityRole entryRole, LiquidityRole exitRole) =>
        longFees.Rate(entryRole) + shortFees.Rate(entryRole) + longFees.Rate(exitRole) + shortFees.Rate(exitRole);
}
