using System.Globalization;
using System.Text.Json;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using static FundingArb.Venues.Binance.BinanceJson;

namespace FundingArb.Venues.Binance;

// Binance numbers nothing on its user stream, so Sequence counts the events of one connection from 1; a dropped
// connection ends the stream, and the reader reconciles through REST. A liquidation arrives as an ORDER_TRADE_UPDATE
// of type LIQUIDATION; CALCULATED (ADL) and AMENDMENT updates carry nothing an IVenue reader tracks.

/// Reads the user-data stream's ORDER_TRADE_UPDATE and ACCOUNT_UPDATE events.
internal static class BinanceUserEventParser
{
    public static UserEvent? OrderTradeUpdate(VenueId venue, long sequence, JsonElement message)
    {
        var order = message.GetProperty("o");
        var symbol = new Symbol(String(order, "s"));
        var at = Time(order, "T");
        var status = BinanceOrderParser.Status(String(order, "X"));
        if (String(order, "o") == "LIQUIDATION")
        {
            var quantity = Decimal(order, "z");
            return new PositionLiquidated(venue, sequence, at, symbol, BinanceOrderParser.Side(String(order, "S")) == OrderSide.Sell ? quantity : -quantity,
                Decimal(order, "ap"), Decimal(order, "rp"), 0m);
        }

        var id = new ClientOrderId(String(order, "c"));
        return String(order, "x") switch
        {
            "TRADE" => new OrderFilled(venue, sequence, at, symbol,
                new Fill(Long(order, "t").ToString(CultureInfo.InvariantCulture), id, BinanceOrderParser.Side(String(order, "S")), Decimal(order, "L"),
                    Decimal(order, "l"), new Money(Decimal(order, "n"), new Asset(String(order, "N"))), Bool(order, "m") ? LiquidityRole.Maker : LiquidityRole.Taker,
                    at),
                Decimal(order, "z"), status),
            "NEW" => new OrderUpdated(venue, sequence, at, symbol, id, OrderEvent.Accepted(Long(order, "i").ToString(CultureInfo.InvariantCulture), at), status),
            "CANCELED" => new OrderUpdated(venue, sequence, at, symbol, id, OrderEvent.Canceled(at), status),
            "EXPIRED" => new OrderUpdated(venue, sequence, at, symbol, id, OrderEvent.Expired(at), status),
            "REJECTED" => new OrderUpdated(venue, sequence, at, symbol, id, OrderEvent.Rejected("rejected by Binance", at), status),
            _ => null,
        };
    }

    /// The funding payments of an ACCOUNT_UPDATE whose reason is FUNDING_FEE: symbol, signed position and amount. Empty for other reasons.
    public static IEnumerable<(Symbol Symbol, decimal Position, decimal Amount, DateTimeOffset At)> FundingFees(JsonElement message)
    {
        var account = message.GetProperty("a");
        if (String(account, "m") != "FUNDING_FEE")
        {
            return [];
        }

        var amount = account.GetProperty("B").EnumerateArray().Sum(b => Decimal(b, "bc"));
        var at = Time(message, "T");
        return [.. account.GetProperty("P").EnumerateArray().Select(p => (new Symbol(String(p, "s")), Decimal(p, "pa"), amount, at))];
    }

    /// A payment from its amount and the settled rate and mark of its instant; the position's size is the event's when
    /// it carries one, else what the amount implies (|amount| = size × mark × |rate|), rounded to the market's step.
    public static FundingPayment Payment(VenueId venue, Instrument instrument, decimal position, decimal amount, decimal rate, decimal markPrice, DateTimeOffset at)
    {
        var size = position != 0m ? Math.Abs(position)
            : rate == 0m ? 0m
            : decimal.Round(Math.Abs(amount) / (markPrice * Math.Abs(rate)) / instrument.Rules.BaseStep) * instrument.Rules.BaseStep;
        var side = position != 0m ? (position > 0m ? PositionSide.Long : PositionSide.Short)
            : (amount < 0m) == (rate > 0m) ? PositionSide.Long : PositionSide.Short;
        return new FundingPayment(venue, instrument.Symbol, side, size, markPrice, rate, amount, at);
    }
}
