using System.Globalization;
using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Binance;

// One-way mode only: positionSide must be BOTH when sent. LIMIT needs a price and a timeInForce (GTX is post-only);
// MARKET carries no price and does not rest. A price off the tick or a quantity off the step is -1111, as Binance
// answers; the venue's own refusals map through BinanceErrorCodes.

internal sealed partial class BinanceUsdmApi
{
    private const int MaxTradesLimit = 1000;
    private long _generatedClientIds;

    private void MapTrading(IEndpointRouteBuilder routes)
    {
        Map(routes, HttpMethods.Post, "/fapi/v1/order", 0, BinanceSecurity.Signed, PlaceAsync);
        Map(routes, HttpMethods.Delete, "/fapi/v1/order", 1, BinanceSecurity.Signed, CancelAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/order", 1, BinanceSecurity.Signed, QueryAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/openOrders", q => WeightBySymbol(q, 1, 40), BinanceSecurity.Signed, OpenOrdersAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/userTrades", 5, BinanceSecurity.Signed, TradesAsync);
    }

    private async Task<JsonNode> PlaceAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var request = OrderRequest(parameters);
        var ack = await _venue.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false);
        _orderIds.Remember(BinanceWire.OrderId(ack.VenueOrderId), request.ClientOrderId);
        return BinanceAccountPayloads.Order(_venue.FindOrder(request.ClientOrderId)!);
    }

    private async Task<JsonNode> CancelAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var id = ClientOrderIdOf(parameters, BinanceErrorCodes.UnknownOrderOnCancel, "Unknown order sent.");
        await _venue.CancelOrderAsync(id, cancellationToken).ConfigureAwait(false);
        return BinanceAccountPayloads.Order(_venue.FindOrder(id)!);
    }

    private async Task<JsonNode> QueryAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var id = ClientOrderIdOf(parameters, BinanceErrorCodes.UnknownOrderOnQuery, "Order does not exist.");
        return BinanceAccountPayloads.Order(await _venue.GetOrderAsync(id, cancellationToken).ConfigureAwait(false));
    }

    private async Task<JsonNode> OpenOrdersAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var symbol = parameters.Optional("symbol") is { } name ? Instrument(name).Symbol : (Symbol?)null;
        var open = await _venue.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
        return new JsonArray([.. open.Where(o => symbol is null || o.Request.Instrument.Symbol == symbol).Select(o => (JsonNode)BinanceAccountPayloads.Order(o))]);
    }

    private Task<JsonNode> TradesAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var symbol = Instrument(parameters.Required("symbol")).Symbol;
        var orders = parameters.OptionalLong("orderId") is { } orderId
            ? _orderIds.Find(orderId) is { } id && _venue.FindOrder(id) is { } order ? [order] : []
            : _venue.Orders.Select(h => h.Order).Where(o => o.Request.Instrument.Symbol == symbol).ToArray();
        var trades = orders.Where(o => o.Request.Instrument.Symbol == symbol)
            .SelectMany(o => o.Fills.Select(f => (Order: o, Fill: f)))
            .OrderBy(t => t.Fill.At)
            .TakeLast((int)Math.Min(parameters.OptionalLong("limit") ?? 500, MaxTradesLimit));
        return Task.FromResult<JsonNode>(new JsonArray([.. trades.Select(t => (JsonNode)BinanceAccountPayloads.Trade(t.Order, t.Fill))]));
    }

    private OrderRequest OrderRequest(BinanceParameters parameters)
    {
        var instrument = Instrument(parameters.Required("symbol"));
        var side = parameters.Required("side") switch
        {
            "BUY" => OrderSide.Buy,
            "SELL" => OrderSide.Sell,
            var other => throw BinanceApiError.IllegalParameter("side", other),
        };
        if (parameters.Optional("positionSide") is { } positionSide && positionSide != "BOTH")
        {
            throw BinanceApiError.BadRequest(-4061, "Order's position side does not match user's setting.");
        }

        var id = new ClientOrderId(parameters.Optional("newClientOrderId")
            ?? string.Create(CultureInfo.InvariantCulture, $"x-{Interlocked.Increment(ref _generatedClientIds)}"));
        var quantity = parameters.RequiredDecimal("quantity");
        var reduceOnly = parameters.OptionalBool("reduceOnly");
        try
        {
            return parameters.Required("type") switch
            {
                "MARKET" => Trading.Orders.OrderRequest.Market(id, instrument, side, quantity, reduceOnly: reduceOnly),
                "LIMIT" => parameters.Required("timeInForce") switch
                {
                    "GTX" => Trading.Orders.OrderRequest.PostOnly(id, instrument, side, quantity, parameters.RequiredDecimal("price"), reduceOnly),
                    var tif => Trading.Orders.OrderRequest.Limit(id, instrument, side, quantity, parameters.RequiredDecimal("price"), tif switch
                    {
                        "GTC" => TimeInForce.Gtc,
                        "IOC" => TimeInForce.Ioc,
                        "FOK" => TimeInForce.Fok,
                        _ => throw BinanceApiError.IllegalParameter("timeInForce", tif),
                    }, reduceOnly),
                },
                var other => throw BinanceApiError.IllegalParameter("type", other),
            };
        }
        catch (ArgumentException invalid)
        {
            throw BinanceApiError.BadRequest(BinanceErrorCodes.BadPrecision, invalid.Message);
        }
    }

    private ClientOrderId ClientOrderIdOf(BinanceParameters parameters, int unknownCode, string unknownMessage)
    {
        var symbol = Instrument(parameters.Required("symbol")).Symbol;
        var id = parameters.Optional("origClientOrderId") is { } clientId ? new ClientOrderId(clientId)
            : parameters.OptionalLong("orderId") is { } orderId ? _orderIds.Find(orderId)
            : throw BinanceApiError.BadRequest(-1102, "Either orderId or origClientOrderId must be sent.");
        return id is { } known && (_venue.FindOrder(known) is not { } order || order.Request.Instrument.Symbol == symbol)
            ? known
            : throw BinanceApiError.BadRequest(unknownCode, unknownMessage);
    }
}
