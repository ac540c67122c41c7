using FundingArb.Actors.Markets;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Risk;

namespace FundingArb.Actors.Risk;

// Only the checks that need no account state run here: the venue itself refuses an order its margin cannot carry
// (InsufficientMargin), and that refusal already fails the leg. Leverage and fee estimates feed only the margin
// check, so the request carries leverage 1 and the fee at the taker rate for completeness.

/// The per-order checks of PreTradeRisk (size, value, price against mark), made on every order before it is intended.
public static class OrderRisk
{
    /// Why the order must not be sent, naming the rule and its numbers; null when every check passes.
    public static string? Refusal(OrderSide side, decimal quantity, decimal price, MarketQuote quote, bool reduceOnly, RiskLimits limits, decimal takerRate)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(limits);
        var request = new PreTradeRequest(side, quantity, price, quote.Funding.MarkPrice, 1m, quantity * price * takerRate, quote.Instrument.Rules, reduceOnly);
        var failed = PreTradeRisk.MaxOrderSize(request, limits) is { Passed: false } size ? size
            : PreTradeRisk.MaxOrderValue(request, limits) is { Passed: false } value ? value
            : PreTradeRisk.PriceReasonability(request, limits) is { Passed: false } deviation ? deviation
            : null;
        return failed is null ? null : $"pre-trade risk {failed.Rule}: {failed.Reason}";
    }

    /// The price a market order is expected to trade at: the opposite touch, or mark when that side of the book is empty.
    public static decimal ExpectedPrice(OrderSide side, decimal? limitPrice, MarketQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var touch = side == OrderSide.Buy ? quote.Book.BestAsk : quote.Book.BestBid;
        return limitPrice ?? touch ?? quote.Funding.MarkPrice;
    }
}
