using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Okx;

// OKX answers a placement with the ids and sCode "0"; the order's state (a fill, a crossing post-only cancelled with
// cancelSource 31) comes on the orders channel and from GET trade/order. sz is in contracts and is converted to the
// venue's base quantity here (sz × ctVal), and back in every answer.

/// The signed trading endpoints: place, cancel, one order, the pending orders and the fills.
internal sealed partial class OkxTradeEndpoints(ServedVenue served, OkxInstrumentIds ids)
{
    private const int FillsMaximum = 100;

    private long _generatedClOrdIds;

    public void Map(IEndpointRouteBuilder routes, OkxRequestGuard guard)
    {
        routes.MapPost("/api/v5/trade/order", c => guard.SignedAsync(c, PlaceAsync, PlaceRefused));
        routes.MapPost("/api/v5/trade/cancel-order", c => guard.SignedAsync(c, CancelAsync, CancelRefused));
        routes.MapGet("/api/v5/trade/order", c => guard.SignedAsync(c, OrderAsync));
        routes.MapGet("/api/v5/trade/orders-pending", c => guard.SignedAsync(c, PendingAsync));
        routes.MapGet("/api/v5/trade/fills", c => guard.SignedAsync(c, FillsAsync));
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex ClOrdIdPattern();

    private async Task<JsonArray> PlaceAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var fields = OkxParameters.Body(body);
        var instrument = ids.Find(OkxParameters.Text(fields, "instId"));
        var tdMode = OkxParameters.Text(fields, "tdMode");
        if (tdMode != "cross")
        {
            throw new OkxParameterException("tdMode", tdMode, "cross, the margin mode of this account");
        }

        if (OkxParameters.Text(fields, "posSide") is { } posSide && posSide != "net")
        {
            throw new OkxParameterException("posSide", posSide, "net (one-way mode)");
        }

        var id = ClOrdId(fields);
        var side = OkxParameters.Text(fields, "side") switch
        {
            "buy" => OrderSide.Buy,
            "sell" => OrderSide.Sell,
            var other => throw new OkxParameterException("side", other, "buy or sell"),
        };
        var quantity = OkxInstrumentIds.ToBase(instrument, OkxParameters.PositiveDecimal("sz", OkxParameters.Text(fields, "sz")));
        var reduceOnly = OkxParameters.Flag(fields, "reduceOnly");
        var ordType = OkxParameters.Text(fields, "ordType");
        var request = ordType switch
        {
            "market" => OrderRequest.Market(id, instrument, side, quantity, TimeInForce.Ioc, reduceOnly),
            "limit" => OrderRequest.Limit(id, instrument, side, quantity, Price(fields), TimeInForce.Gtc, reduceOnly),
            "post_only" => OrderRequest.PostOnly(id, instrument, side, quantity, Price(fields), reduceOnly),
            "ioc" => OrderRequest.Limit(id, instrument, side, quantity, Price(fields), TimeInForce.Ioc, reduceOnly),
            "fok" => OrderRequest.Limit(id, instrument, side, quantity, Price(fields), TimeInForce.Fok, reduceOnly),
            _ => throw new OkxParameterException("ordType", ordType, "market, limit, post_only, ioc or fok"),
        };
        var ack = await served.Venue.PlaceOrderAsync(request, ct).ConfigureAwait(false);
        return [Result(ack.ClientOrderId.Value, ack.VenueOrderId, OkxCode.Ok, "Order placed")];
    }

    private async Task<JsonArray> CancelAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var fields = OkxParameters.Body(body);
        ids.Find(OkxParameters.Text(fields, "instId"));
        var order = Find(OkxParameters.Text(fields, "clOrdId"), OkxParameters.Text(fields, "ordId"));
        await served.Venue.CancelOrderAsync(order.ClientOrderId, ct).ConfigureAwait(false);
        return [Result(order.ClientOrderId.Value, order.VenueOrderId ?? string.Empty, OkxCode.Ok, string.Empty)];
    }

    private async Task<JsonArray> OrderAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        ids.Find(query["instId"]);
        var order = await served.Venue.GetOrderAsync(Find(query["clOrdId"], query["ordId"]).ClientOrderId, ct).ConfigureAwait(false);
        return [OkxOrderWire.Order(order)];
    }

    private async Task<JsonArray> PendingAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var instType = query["instType"].ToString();
        if (instType.Length > 0)
        {
            OkxParameters.RequireSwap(instType);
        }

        var instId = query["instId"].ToString();
        var data = new JsonArray();
        foreach (var order in await served.Venue.GetOpenOrdersAsync(ct).ConfigureAwait(false))
        {
            if (instId.Length == 0 || OkxInstrumentIds.InstIdOf(order.Request.Instrument) == instId)
            {
                data.Add(OkxOrderWire.Order(order));
            }
        }

        return data;
    }

    // Newest first, as OKX lists them; ordId selects one order's fills.
    private Task<JsonArray> FillsAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var limit = OkxParameters.Limit("limit", query["limit"], FillsMaximum, FillsMaximum);
        var instId = query["instId"].ToString();
        string? ordId = query["ordId"];
        var rows = new List<(DateTimeOffset At, JsonObject Row)>();
        foreach (var history in served.Venue.Orders)
        {
            var order = history.Order;
            if ((instId.Length == 0 || OkxInstrumentIds.InstIdOf(order.Request.Instrument) == instId)
                && (string.IsNullOrEmpty(ordId) || string.Equals(order.VenueOrderId, ordId, StringComparison.Ordinal)))
            {
                rows.AddRange(order.Fills.Select(f => (f.At, OkxOrderWire.Fill(order, f))));
            }
        }

        return Task.FromResult<JsonArray>([.. rows.OrderByDescending(r => r.At).Take(limit).Select(r => (JsonNode)r.Row)]);
    }

    private JsonObject PlaceRefused(string body, VenueException error) =>
        Result(BodyText(body, "clOrdId"), string.Empty, OkxErrorCodes.OrderCode(error), error.Message);

    private JsonObject CancelRefused(string body, VenueException error) =>
        Result(BodyText(body, "clOrdId"), BodyText(body, "ordId"), OkxErrorCodes.OrderCode(error), error.Message);

    private JsonObject Result(string clOrdId, string ordId, string sCode, string sMsg) => new()
    {
        ["clOrdId"] = clOrdId, ["ordId"] = ordId, ["tag"] = string.Empty, ["ts"] = OkxWire.Millis(served.Clock.GetUtcNow()),
        ["sCode"] = sCode, ["sMsg"] = sMsg,
    };

    private TrackedOrder Find(string? clOrdId, string? ordId)
    {
        if (!string.IsNullOrEmpty(clOrdId))
        {
            return served.Venue.FindOrder(new ClientOrderId(clOrdId))
                ?? throw new UnknownOrderException(served.Venue.Id, new ClientOrderId(clOrdId), "no order has this clOrdId");
        }

        var id = OkxParameters.Required("ordId", ordId);
        return served.Venue.Orders.FirstOrDefault(h => string.Equals(h.Order.VenueOrderId, id, StringComparison.Ordinal))?.Order
            ?? throw new UnknownOrderException(served.Venue.Id, new ClientOrderId(id), "no order has this ordId");
    }

    private ClientOrderId ClOrdId(JsonObject fields)
    {
        var text = OkxParameters.Text(fields, "clOrdId");
        if (string.IsNullOrEmpty(text))
        {
            // OKX takes orders without one; the simulated venue keys every order by a client id, so one is made.
            return new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"okx{Interlocked.Increment(ref _generatedClOrdIds)}"));
        }

        return ClOrdIdPattern().IsMatch(text) ? new ClientOrderId(text) : throw new OkxParameterException("clOrdId", text, "1 to 32 letters and digits");
    }

    private static decimal Price(JsonObject fields) => OkxParameters.PositiveDecimal("px", OkxParameters.Text(fields, "px"));

    // The refusal must still name the order; a body too broken to say which gives an empty id.
    private static string BodyText(string body, string name)
    {
        try
        {
            return OkxParameters.Text(OkxParameters.Body(body), name) ?? string.Empty;
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }
}
