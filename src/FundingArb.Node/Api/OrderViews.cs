using FundingArb.Trading.Orders;
using FundingArb.Trading.Instruments;

namespace FundingArb.Node.Api;

/// An order as the venue knows it; ExecutorId names the pair that sent it (null for orders sent through the API).
public sealed record OrderView(string Venue, string Symbol, string ClientOrderId, string? VenueOrderId, string? ExecutorId, string Side, string Type,
    string TimeInForce, bool ReduceOnly, decimal Quantity, decimal? Price, decimal Filled, decimal? AvgPrice, string Status, string? Reason,
    DateTimeOffset UpdatedAt)
{
    public static OrderView Of(VenueId venue, TrackedOrder order, string? executorId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = order.Request;
        return new OrderView(venue.Value, request.Instrument.Symbol.Value, order.ClientOrderId.Value, order.VenueOrderId, executorId, request.Side.ToString(),
            request.Type.ToString(), request.TimeInForce.ToString(), request.ReduceOnly, request.Quantity, request.Price, order.FilledQuantity,
            order.AveragePrice, order.Status.ToString(), order.Reason, order.UpdatedAt);
    }
}

/// One fill (trade) of an order.
public sealed record TradeView(string Venue, string Symbol, string TradeId, string ClientOrderId, string? ExecutorId, string Side, decimal Price, decimal Quantity,
    decimal NotionalQuote, decimal Fee, string FeeAsset, string Role, DateTimeOffset At);
