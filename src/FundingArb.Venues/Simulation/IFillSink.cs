using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation;

/// How a venue applies to one of its orders what BookMatching decides: its own bookkeeping, fees and events.
internal interface IFillSink<in TOrder>
{
    /// How much more the order may fill now (its unfilled quantity, capped by what reduce-only or a fault allows).
    decimal FillRoom(TOrder order);

    void Fill(TOrder order, decimal price, decimal quantity, LiquidityRole role);
}
