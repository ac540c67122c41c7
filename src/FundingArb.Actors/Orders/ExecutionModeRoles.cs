using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Orders;

/// The role an entry leg is planned to fill as in each mode: a mode that may fall back to market plans for the market.
public static class ExecutionModeRoles
{
    public static LiquidityRole ExpectedEntryRole(this ExecutionMode mode) =>
        mode is ExecutionMode.LimitOnly or ExecutionMode.LimitChaser ? LiquidityRole.Maker : LiquidityRole.Taker;
}
