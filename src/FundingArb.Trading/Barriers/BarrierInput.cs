using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Barriers;

/// One step's inputs. PositionEstablished says the filled size has reached the venue's minimums (see
/// IsEstablished); Hummingbot waits for the open order to fill completely, which leaves a
/// partial fill without stop loss.
public readonly record struct BarrierInput(decimal NetPnlFraction, bool PositionEstablished, DateTimeOffset CreatedAt, DateTimeOffset Now)
{
    /// True once the filled size could be closed on its own: at least the venue's minimum size and notional.
    public static bool IsEstablished(decimal filledBase, decimal entryPrice, TradingRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(filledBase);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entryPrice);
        ArgumentNullException.ThrowIfNull(rules);
        return filledBase > 0m && filledBase >= rules.MinBaseSize && filledBase * entryPrice >= rules.MinNotional;
    }
}
