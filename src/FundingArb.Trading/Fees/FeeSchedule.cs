using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Fees;

/// A venue's fee rates as fractions of notional (0.0002 = 2 bps). A negative maker rate is a rebate.
public readonly record struct FeeSchedule
{
    public FeeSchedule(decimal makerRate, decimal takerRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(makerRate, -0.01m);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(makerRate, 0.1m);
        ArgumentOutOfRangeException.ThrowIfNegative(takerRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(takerRate, 0.1m);
        MakerRate = makerRate;
        TakerRate = takerRate;
    }

    public decimal MakerRate { get; }

    public decimal TakerRate { get; }

    public decimal Rate(LiquidityRole role) => role == LiquidityRole.Maker ? MakerRate : TakerRate;
}
