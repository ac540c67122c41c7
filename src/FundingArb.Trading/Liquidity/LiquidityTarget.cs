namespace FundingArb.Trading.Liquidity;

/// How much to walk the book for: a quote notional or a base size.
public readonly record struct LiquidityTarget
{
    private LiquidityTarget(decimal amount, TargetUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Amount = amount;
        Unit = unit;
    }

    public decimal Amount { get; }

    public TargetUnit Unit { get; }

    public static LiquidityTarget InQuote(decimal notional) => new(notional, TargetUnit.Quote);

    public static LiquidityTarget InBase(decimal size) => new(size, TargetUnit.Base);
}
