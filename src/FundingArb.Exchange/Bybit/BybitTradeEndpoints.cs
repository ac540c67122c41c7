using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Bybit;

// Bybit acknowledges an order with its ids only; status and fills come on the stream and from order/realtime.
// Funding history is served by execution/list with execType=Funding (execFee > 0 = paid), one endpoint for fills and
// funding alike, rather than the transaction log.

/// The signed trading endpoints: create, cancel, realtime orders and the execution list.
internal sealed partial class BybitTradeEndpoints(ServedVenue served)
{
    private const int ExecutionDefault = 50;
    private const int ExecutionMaximum = 100;

    private long _generatedLinkIds;

    public void Map(IEndpointRouteBuilder routes, BybitRequestGuard guard)
    {
        routes.MapPost("/v5/order/create", c => guard.SignedAsync(c, orderEndpoint: true, CreateAsync));
        routes.MapPost("/v5/order/cancel", c => guard.SignedAsync(c, orderEndpoint: true, CancelAsync));
        routes.MapGet("/v5/order/realtime", c => guard.SignedAsync(c, orderEndpoint: false, RealtimeAsync));
        routes.MapGet("/v5/execution/list", c => guard.SignedAsync(c, orderEndpoint: false, ExecutionsAsync));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,36}$")]
    private static partial Regex OrderLinkIdPattern();

    private async Task<JsonObject> CreateAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var fields = Body(body);
        BybitParameters.RequireLinear(Text(fields, "category"));
        var instrument = BybitParameters.Instrument(await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false), Text(fields, "symbol"));
        var request = new OrderRequest(LinkId(fields), instrument, Side(Text(fields, "side")), Type(fields, out var timeInForce),
            BybitParameters.Decimal("qty", Text(fields, "qty")), Price(fields), timeInForce, Flag(fields, "reduceOnly"));
        var ack = await served.Venue.PlaceOrderAsync(request, ct).ConfigureAwait(false);
        return new JsonObject { ["orderId"] = ack.VenueOrderId, ["orderLinkId"] = ack.ClientOrderId.Value };
    }

    private async Task<JsonObject> CancelAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var fields = Body(body);
        BybitParameters.RequireLinear(Text(fields, "category"));
        var order = await FindAsync(Text(fields, "orderLinkId"), Text(fields, "orderId"), ct).ConfigureAwait(false);
        await served.Venue.CancelOrderAsync(order.ClientOrderId, ct).ConfigureAwait(false);
        return new JsonObject { ["orderId"] = order.VenueOrderId ?? string.Empty, ["orderLinkId"] = order.ClientOrderId.Value };
    }

    // With an id it answers that order, open or not (an unknown id is an empty list, as Bybit's is); without, the open orders.
    private async Task<JsonObject> RealtimeAsync(string payload, IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var list = new JsonArray();
        string? linkId = query["orderLinkId"];
        string? orderId = query["orderId"];
        BybitParameters.SymbolOrSettleCoin(query);
        if (!string.IsNullOrEmpty(linkId) || !string.IsNullOrEmpty(orderId))
        {
            try
            {
                var order = await FindAsync(linkId, orderId, ct).ConfigureAwait(false);
                list.Add(Listed(BybitOrderWire.Order(order, order.Status, order.Reason)));
            }
            catch (UnknownOrderException)
            {
            }
        }
        else
        {
            var symbol = query["symbol"].ToString();
            var settleCoin = BybitParameters.SymbolOrSettleCoin(query);
            foreach (var order in await served.Venue.GetOpenOrdersAsync(ct).ConfigureAwait(false))
            {
                var instrument = order.Request.Instrument;
                if (symbol.Length > 0 ? instrument.Symbol.Value == symbol : instrument.Quote.Code == settleCoin)
                {
                    list.Add(Listed(BybitOrderWire.Order(order, order.Status, order.Reason)));
                }
            }
        }

        return new JsonObject { ["category"] = "linear", ["list"] = list, ["nextPageCursor"] = string.Empty };
    }

    // Newest first, as Bybit lists them. An orderLinkId selects that order's trades; otherwise a symbol is required.
    private async Task<JsonObject> ExecutionsAsync(string payload, IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var execType = query["execType"].ToString();
        if (execType.Length > 0 && execType is not ("Trade" or "Funding"))
        {
            throw new BybitParameterException("execType", execType, "this venue lists Trade and Funding");
        }

        var (start, end) = Window(BybitParameters.Millis("startTime", query["startTime"]), BybitParameters.Millis("endTime", query["endTime"]));
        var limit = BybitParameters.Limit(query["limit"], ExecutionDefault, ExecutionMaximum);
        var rows = new List<(DateTimeOffset At, JsonObject Row)>();
        string? linkId = query["orderLinkId"];
        if (!string.IsNullOrEmpty(linkId))
        {
            var order = await FindAsync(linkId, null, ct).ConfigureAwait(false);
            AddTrades(rows, order);
        }
        else
        {
            var instrument = BybitParameters.Instrument(await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false), query["symbol"]);
            if (execType != "Funding")
            {
                foreach (var history in served.Venue.Orders.Where(h => h.Order.Request.Instrument.Symbol == instrument.Symbol))
                {
                    AddTrades(rows, history.Order);
                }
            }

            if (execType != "Trade")
            {
                foreach (var payment in await served.Venue.GetFundingHistoryAsync(instrument.Symbol, start, ct).ConfigureAwait(false))
                {
                    rows.Add((payment.At, BybitOrderWire.Funding(payment, instrument.Quote.Code)));
                }
            }
        }

        var selected = rows.Where(r => r.At >= start && r.At <= end).OrderByDescending(r => r.At).ToList();
        var first = Cursor(query["cursor"], selected.Count);
        var list = new JsonArray();
        foreach (var (_, row) in selected.Skip(first).Take(limit))
        {
            list.Add(Listed(row));
        }

        var next = first + limit < selected.Count ? (first + limit).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return new JsonObject { ["category"] = "linear", ["list"] = list, ["nextPageCursor"] = next };
    }

    // Bybit's execution window: 7 days at most; one bound alone spans 7 days from it; none, the last 7 days.
    private (DateTimeOffset Start, DateTimeOffset End) Window(DateTimeOffset? start, DateTimeOffset? end)
    {
        var week = TimeSpan.FromDays(7);
        return (start, end) switch
        {
            (null, null) => (served.Clock.GetUtcNow() - week, served.Clock.GetUtcNow()),
            ({ } from, null) => (from, from + week),
            (null, { } to) => (to - week, to),
            ({ } from, { } to) when to - from <= week && to >= from => (from, to),
            _ => throw new BybitParameterException("endTime", BybitWire.MillisText(end!.Value), "within 7 days after startTime"),
        };
    }

    // The cursor is the index of the page's first row; Bybit's is opaque, so clients only pass it back.
    private static int Cursor(string? text, int count) =>
        string.IsNullOrEmpty(text) ? 0
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= count ? index
        : throw new BybitParameterException("cursor", text, "not a cursor this venue gave");

    // REST lists name the category once, in the result; the stream names it on every item.
    private static JsonObject Listed(JsonObject item)
    {
        item.Remove("category");
        return item;
    }

    private static void AddTrades(List<(DateTimeOffset At, JsonObject Row)> rows, TrackedOrder order)
    {
        var filled = 0m;
        foreach (var fill in order.Fills)
        {
            filled += fill.Quantity;
            rows.Add((fill.At, BybitOrderWire.Trade(order, fill, filled)));
        }
    }

    private async Task<TrackedOrder> FindAsync(string? linkId, string? orderId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(linkId))
        {
            return await served.Venue.GetOrderAsync(new ClientOrderId(linkId), ct).ConfigureAwait(false);
        }

        var id = BybitParameters.Required("orderId", orderId);
        var history = served.Venue.Orders.FirstOrDefault(h => string.Equals(h.Order.VenueOrderId, id, StringComparison.Ordinal))
            ?? throw new UnknownOrderException(served.Venue.Id, new ClientOrderId(id), "no order has this orderId");
        return await served.Venue.GetOrderAsync(history.Order.ClientOrderId, ct).ConfigureAwait(false);
    }

    private ClientOrderId LinkId(JsonObject fields)
    {
        var text = Text(fields, "orderLinkId");
        if (string.IsNullOrEmpty(text))
        {
            // Bybit takes orders without one; the simulated venue keys every order by a client id, so one is made.
            return new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"bybit-{Interlocked.Increment(ref _generatedLinkIds)}"));
        }

        return OrderLinkIdPattern().IsMatch(text)
            ? new ClientOrderId(text)
            : throw new BybitParameterException("orderLinkId", text, "1 to 36 characters of A-Z, a-z, 0-9, _ and -");
    }

    private static OrderSide Side(string? side) => side switch
    {
        "Buy" => OrderSide.Buy,
        "Sell" => OrderSide.Sell,
        _ => throw new BybitParameterException("side", side, "Buy or Sell"),
    };

    private static OrderType Type(JsonObject fields, out TimeInForce timeInForce)
    {
        var orderType = Text(fields, "orderType");
        var tif = Text(fields, "timeInForce");
        if (orderType == "Market")
        {
            // Bybit runs a market order as IOC unless told FOK.
            timeInForce = tif == "FOK" ? TimeInForce.Fok : TimeInForce.Ioc;
            return OrderType.Market;
        }

        if (orderType != "Limit")
        {
            throw new BybitParameterException("orderType", orderType, "Market or Limit");
        }

        (timeInForce, var type) = tif switch
        {
            null or "" or "GTC" => (TimeInForce.Gtc, OrderType.Limit),
            "IOC" => (TimeInForce.Ioc, OrderType.Limit),
            "FOK" => (TimeInForce.Fok, OrderType.Limit),
            "PostOnly" => (TimeInForce.Gtc, OrderType.LimitMaker),
            _ => throw new BybitParameterException("timeInForce", tif, "GTC, IOC, FOK or PostOnly"),
        };
        return type;
    }

    private static decimal? Price(JsonObject fields) =>
        Text(fields, "orderType") == "Market" ? null : BybitParameters.Decimal("price", Text(fields, "price"));

    private static bool Flag(JsonObject fields, string name) => fields[name] is { } node && node.GetValueKind() == JsonValueKind.True;

    private static string? Text(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw new BybitParameterException(name, other.ToJsonString(), "expected a string"),
    };

    private static JsonObject Body(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new BybitParameterException("body", body, "expected a JSON object");
        }
        catch (JsonException error)
        {
            throw new BybitParameterException("body", body, error.Message);
        }
    }
}
