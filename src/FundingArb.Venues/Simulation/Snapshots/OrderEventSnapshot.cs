using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation.Snapshots;

/// One OrderEvent; the fill fields are set for Filled only.
public sealed record OrderEventSnapshot
{
    public required OrderEventKind Kind { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? VenueOrderId { get; init; }

    public string? Reason { get; init; }

    public string? TradeId { get; init; }

    public decimal? Price { get; init; }

    public decimal? Quantity { get; init; }

    public decimal? Fee { get; init; }

    public string? FeeAsset { get; init; }

    public LiquidityRole? Role { get; init; }
}
