using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Liquidity;

public static class SlippageCalculator
{
    private const decimal BasisPoints = 10_000m;

    /// Compares an execution with what the book promised. The reference is the price the decision was made
    /// at (usually mid); the expected price is the book walk's average; the actual price the fills' average.
    public static SlippageReport Compare(
        OrderSide side,
        decimal quantity,
        decimal referencePrice,
        decimal expectedPrice,
        decimal actualPrice,
        SlippageThresholds thresholds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referencePrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedPrice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actualPrice);
        ArgumentNullException.ThrowIfNull(thresholds);
        var sign = side.Sign();
        var expectedQuote = sign * (expectedPrice - referencePrice) * quantity;
        var actualQuote = sign * (actualPrice - referencePrice) * quantity;
        var referenceNotional = referencePrice * quantity;
        var expectedBps = expectedQuote / referenceNotional * BasisPoints;
        var actualBps = actualQuote / referenceNotional * BasisPoints;
        var quality = Rate(actualBps - expectedBps, thresholds);
        return new SlippageReport(quantity, referencePrice, expectedPrice, actualPrice, expectedQuote, actualQuote, expectedBps, actualBps, quality);
    }

    /// The same, with the expectation taken from a book walk and the actual price from the order's fills.
    public static SlippageReport Compare(LiquidityAnalysis expected, TrackedOrder order, SlippageThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.AveragePrice is not { } actual)
        {
            throw new ArgumentException($"Order {order.ClientOrderId} has no fills to measure.", nameof(order));
        }

        if (expected.Side != order.Request.Side || expected.FilledBase == 0m)
        {
            throw new ArgumentException("The analysis must be a filled walk of the order's own side.", nameof(expected));
        }

        return Compare(order.Request.Side, order.FilledQuantity, expected.MidPrice, expected.AveragePrice, actual, thresholds);
    }

    private static ExecutionQuality Rate(decimal excessBps, SlippageThresholds thresholds) => excessBps switch
    {
        <= 0m => ExecutionQuality.Excellent,
        _ when excessBps <= thresholds.GoodExcessBps => ExecutionQuality.Good,
        _ when excessBps <= thresholds.FairExcessBps => ExecutionQuality.Fair,
        _ => ExecutionQuality.Poor,
    };
}
