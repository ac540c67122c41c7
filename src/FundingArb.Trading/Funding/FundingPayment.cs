using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;

namespace FundingArb.Trading.Funding;

/// One funding settlement on one leg: positive Amount is received, negative is paid, in quote.
/// It names its venue and market, so a pair's two legs never share a bucket (Hummingbot keys by token).
public sealed record FundingPayment
{
    public FundingPayment(VenueId venue, Symbol symbol, PositionSide side, decimal size, decimal price, decimal rate, decimal amount, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(venue));
        ArgumentException.ThrowIfNullOrEmpty(symbol.Value, nameof(symbol));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        Venue = venue;
        Symbol = symbol;
        Side = side;
        Size = size;
        Price = price;
        Rate = rate;
        Amount = amount;
        At = at;
    }

    public VenueId Venue { get; }

    public Symbol Symbol { get; }

    public PositionSide Side { get; }

    /// Base units, always positive; Side says which way.
    public decimal Size { get; }

    /// The venue's payment basis: mark on most CEXs, oracle on Hyperliquid and dYdX.
    public decimal Price { get; }

    /// The rate for the settled interval, as published: positive means longs pay shorts.
    public decimal Rate { get; }

    public decimal Amount { get; }

    public DateTimeOffset At { get; }

    /// What the venue should pay or charge at settlement: a long pays size × price × rate, a short receives it.
    public static FundingPayment AtSettlement(VenueId venue, Symbol symbol, PositionSide side, decimal size, decimal price, decimal rate, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var paidByLong = size * price * rate;
        var amount = side == PositionSide.Long ? -paidByLong : paidByLong;
        return new FundingPayment(venue, symbol, side, size, price, rate, amount, at);
    }
}
