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
            JsonElement? order = null;
            var lookupFailed = false;
            try
            {
                order = await FindOrderAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (VenueException)
            {
                // A failed lookup says nothing new: the placement's outcome is still unknown, as the first error says.
                lookupFailed = true;
            }

            if (lookupFailed || order is null)
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
        var orders = ImmutableArray.CreateBuilder<TrackedOrder>();
        foreach (var settleCoin in await SettleCoinsAsync(cancellationToken).ConfigureAwait(false))
        {
            var query = $"category=linear&settleCoin={Uri.EscapeDataString(settleCoin.Code)}&openOnly=0";
            foreach (var order in await ListAsync("/v5/order/realtime", query, cancellationToken).ConfigureAwait(false))
            {
                orders.Add(await TrackAsync(order, cancellationToken).ConfigureAwait(false));
            }
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

    // Bybit keeps executions 7 days back from the query's window by default: an order's fills are that recent.
    private async ValueTask<ImmutableArray<Fill>> FillsAsync(ClientOrderId id, Asset settleCoin, CancellationToken cancellationToken)
    {
        var query = $"category=linear&orderLinkId={Uri.EscapeDataString(id.Value)}&execType=Trade&limit={ExecutionPage}";
        var rows = await ListAsync("/v5/execution/list", query, cancellationToken).ConfigureAwait(false);
        return [.. rows.Where(BybitOrderReader.IsTrade).Select(e => BybitOrderReader.Fill(e, settleCoin))];
    }

    /// The order's order/realtime entry, or null when the venue has none under this id. Linear lookups need the symbol
    /// or a settle coin: the symbol when this connector placed the order, otherwise each settle coin in turn.
    private async ValueTask<JsonElement?> FindOrderAsync(ClientOrderId id, CancellationToken cancellationToken)
    {
        var filters = _orderSymbols.TryGetValue(id, out var symbol)
            ? [$"symbol={Escape(symbol)}"]
            : (await SettleCoinsAsync(cancellationToken).ConfigureAwait(false)).Select(c => $"settleCoin={Uri.EscapeDataString(c.Code)}");
        foreach (var filter in filters)
        {
            var query = $"category=linear&orderLinkId={Uri.EscapeDataString(id.Value)}&{filter}";
            var answer = await _rest.GetSignedAsync("/v5/order/realtime", query, id, cancellationToken).ConfigureAwait(false);
            foreach (var order in answer.Result.GetProperty("list").EnumerateArray())
            {
                _orderSymbols[id] = new Symbol(BybitJson.Text(order, "symbol"));
                return order;
            }
        }

        return null;
    }

    /// Every item of a signed list, following nextPageCursor.
    private async ValueTask<List<JsonElement>> ListAsync(string path, string query, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        var cursor = string.Empty;
        do
        {
            var page = cursor.Length > 0 ? $"{query}&cursor={Uri.EscapeDataString(cursor)}" : query;
            var answer = await _rest.GetSignedAsync(path, page, null, cancellationToken).ConfigureAwait(false);
            items.AddRange(answer.Result.GetProperty("list").EnumerateArray());
            cursor = answer.Result.TryGetProperty("nextPageCursor", out var next) ? next.GetString() ?? string.Empty : string.Empty;
        }
        while (cursor.Length > 0);

        return items;
    }

    private async ValueTask<ImmutableArray<Asset>> SettleCoinsAsync(CancellationToken cancellationToken)
    {
        if (_instruments.IsEmpty)
        {
            await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        }

        return [.. _instruments.Values.Select(i => i.Quote).Distinct()];
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
