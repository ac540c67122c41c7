namespace FundingArb.Trading.Liquidity;

/// One price level of an order book; Size in base units.
public readonly record struct BookLevel(decimal Price, decimal Size);
