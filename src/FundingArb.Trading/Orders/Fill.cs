using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Orders;

/// One execution report. The fee is in whatever asset the venue charged (quote, base, or a token such as BNB);
/// FeeConverter values it in quote. A negative fee is a maker rebate.
public sealed record Fill
{
    public Fill(string tradeId, ClientOrderId clientOrderId, OrderSide side, decimal price, decimal quantity, Money fee,
        LiquidityRole role, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tradeId);
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentException.ThrowIfNullOrEmpty(fee.Asset.Code, nameof(fee));
        TradeId = tradeId;
        ClientOrderId = clientOrderId;
        Side = side;
        Price = price;
        Quantity = quantity;
        Fee = fee;
        Role = role;
        At = at;
    }

    /// The venue's execution id; the same id twice is the same fill resent.
    public string TradeId { get; }

    public ClientOrderId ClientOrderId { get; }

    public OrderSide Side { get; }

    public decimal Price { get; }

    /// Base units.
    public decimal Quantity { get; }

    public Money Fee { get; }

    public LiquidityRole Role { get; }

    public DateTimeOffset At { get; }

    public bool IsMaker => Role == LiquidityRole.Maker;

    public decimal Notional => Price * Quantity;
}
