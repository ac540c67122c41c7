using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Bybit;

// Placement is idempotent by orderLinkId: when the answer to order/create is lost (a timeout, a dropped connection,
// a server error) the connector asks order/realtime for the id before giving up. Found, the order stands and its ack
// is returned; not found, the error is raised and a resend with the same id is safe (Bybit refuses a duplicate).

public sealed partial class BybitV5Venue
{
    private const int ExecutionPage = 100;

    // Cancel and the lookups need the symbol Bybit files an order under; an order placed elsewhere is looked up by id.
    private readonly ConcurrentDictionary<ClientOrderId, Symbol> _orderSymbols = new();

    public async ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var id = request.ClientOrderId;
        _orderSymbols[id] = request.Instrument.Symbol;
        BybitAnswer answer;
        try
        {
            answer = await _rest.PostOrderAsync("/v5/order/create", CreateBody(request), request, id, cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException lost) when (lost.OutcomeUnknown)
        {
            var order = await FindOrderAsync(id, cancellationToken).ConfigureAwait(false);
            if (order is null)
            {
                throw;
            }

            return new OrderAck(id, BybitJson.Text(order.Value, "orderId"), OrderStatus.Open, BybitJson.Decimal(order.Value, "cumExecQty"),
                BybitJson.Millis(order.Value, "createdTime"));
        }

        return new OrderAck(id, BybitJson.Text(answer.Result, "orderId"), OrderStatus.Open, 0m, answer.Time);
    }

    /// The cancel answer carries ids only; the filled quantity is read from order/realtime right after.
    public async ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        cancellationToken.ThrowIfCancellationRequested();
        var symbol = await SymbolOfAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["category"] = "linear", ["symbol"] = symbol.Value, ["orderLinkId"] = clientOrderId.Value };
        var answer = await _rest.PostOrderAsync("/v5/order/cancel", body.ToJsonString(), null, clientOrderId, cancellationToken).ConfigureAwait(false);
        var order = await FindOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        var filled = order is { } found ? BybitJson.Decimal(found, "cumExecQty") : 0m;
        return new CancelAck(clientOrderId, OrderStatus.Canceled, filled, answer.Time);
    }

    public async ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        var order = await FindOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownOrderException(Id, clientOrderId, "never received");
        return await TrackAsync(order, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        var answer = await _rest.GetSignedAsync("/v5/order/realtime", "category=linear&openOnly=0", null, cancellationToken).ConfigureAwait(false);
        var orders = ImmutableArray.CreateBuilder<TrackedOrder>();
        foreach (var order in answer.Result.GetProperty("list").EnumerateArray())
        {
            orders.Add(await TrackAsync(order, cancellationToken).ConfigureAwait(false));
        }

        return orders.ToImmutable();
    }

    private async ValueTask<TrackedOrder> TrackAsync(JsonElement order, CancellationToken cancellationToken)
    {
        var id = BybitOrderReader.OrderId(order);
        var instrument = await InstrumentAsync(new Symbol(BybitJson.Text(order, "symbol")), cancellationToken).ConfigureAwait(false);
        var fills = BybitJson.Decimal(order, "cumExecQty") == 0m
            ? []
            : await FillsAsync(id, instrument.Quote, cancellationToken).ConfigureAwait(false);
        return BybitOrderReader.Order(order, instrument, fills);
    }

    private async ValueTask<ImmutableArray<Fill>> FillsAsync(ClientOrderId id, Asset settleCoin, CancellationToken cancellationToken)
    {
        var query = $"category=linear&orderLinkId={Uri.EscapeDataString(id.Value)}&execType=Trade&limit={ExecutionPage}";
        var answer = await _rest.GetSignedAsync("/v5/execution/list", query, id, cancellationToken).ConfigureAwait(false);
        return [.. answer.Result.GetProperty("list").EnumerateArray().Where(BybitOrderReader.IsTrade).Select(e => BybitOrderReader.Fill(e, settleCoin))];
    }

    /// The order's order/realtime entry, or null when the venue has none under this id.
    private async ValueTask<JsonElement?> FindOrderAsync(ClientOrderId id, CancellationToken cancellationToken)
    {
        var query = $"category=linear&orderLinkId={Uri.EscapeDataString(id.Value)}";
        if (_orderSymbols.TryGetValue(id, out var symbol))
        {
            query += $"&symbol={Escape(symbol)}";
        }

        var answer = await _rest.GetSignedAsync("/v5/order/realtime", query, id, cancellationToken).ConfigureAwait(false);
        foreach (var order in answer.Result.GetProperty("list").EnumerateArray())
        {
            _orderSymbols[id] = new Symbol(BybitJson.Text(order, "symbol"));
            return order;
        }

        return null;
    }

    private async ValueTask<Symbol> SymbolOfAsync(ClientOrderId id, CancellationToken cancellationToken)
    {
        if (_orderSymbols.TryGetValue(id, out var symbol))
        {
            return symbol;
        }

        return await FindOrderAsync(id, cancellationToken).ConfigureAwait(false) is { } order
            ? new Symbol(BybitJson.Text(order, "symbol"))
            : throw new UnknownOrderException(Id, id, "never received");
    }

    private static string CreateBody(OrderRequest request)
    {
        var body = new JsonObject
        {
            ["category"] = "linear",
            ["symbol"] = request.Instrument.Symbol.Value,
            ["side"] = request.Side == OrderSide.Buy ? "Buy" : "Sell",
            ["orderType"] = request.Type == OrderType.Market ? "Market" : "Limit",
            ["qty"] = Wire(request.Quantity),
            ["timeInForce"] = request.IsPostOnly ? "PostOnly" : request.TimeInForce switch
            {
                TimeInForce.Ioc => "IOC",
                TimeInForce.Fok => "FOK",
                _ => "GTC",
            },
            ["reduceOnly"] = request.ReduceOnly,
            ["orderLinkId"] = request.ClientOrderId.Value,
            ["positionIdx"] = 0,
        };
        if (request.Price is { } price)
        {
            body["price"] = Wire(price);
        }

        return body.ToJsonString();
    }

    private static string Wire(decimal value) => value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
}
