using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Venues;
using Akka.Actor;
using FundingArb.Node.Hosting;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Errors;

namespace FundingArb.Node.Api;

/// Body of POST /api/v1/orders; type is Market, Limit or LimitMaker (post-only), time_in_force Gtc, Ioc or Fok.
public sealed record CreateOrderRequest(string? Venue, string? Symbol, string? Side, string? Type, decimal? Quantity, decimal? Price, string? TimeInForce,
    bool? ReduceOnly);

/// The answer to POST /api/v1/orders: the order's id and whether the venue acknowledged it.
public sealed record OrderSent(string ClientOrderId, string Venue, string Outcome);

/// /api/v1/orders and /api/v1/trades: orders at every venue (filters and paging), the open ones, one by client order id,
/// manual orders through the venue's gateway, cancels, and fills.
public static class OrderEndpoints
{
    private static long s_manualOrders;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/orders", async (HttpRequest request, NodeRuntime node, CancellationToken ct) =>
        {
            if (!QueryValues.TryPage(request, out var page, out var size, out var problem))
            {
                return problem!;
            }

            var orders = await OrdersAsync(node, ct).ConfigureAwait(false);
            var venue = QueryValues.Text(request, "venue");
            var symbol = QueryValues.Text(request, "symbol");
            var status = QueryValues.Text(request, "status");
            var executor = QueryValues.Text(request, "executor_id");
            var matches = orders
                .Where(o => (venue is null || o.Venue == venue) && (symbol is null || o.Symbol == symbol) && (executor is null || o.ExecutorId == executor)
                    && (status is null || string.Equals(o.Status, status, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.ClientOrderId, StringComparer.Ordinal)
                .ToList();
            return Results.Ok(QueryValues.Paginate(matches, page, size));
        });

        api.MapGet("/orders/active", async (NodeRuntime node, CancellationToken ct) =>
            Results.Ok((await OrdersAsync(node, ct).ConfigureAwait(false)).Where(o => !IsTerminal(o.Status)).OrderBy(o => o.UpdatedAt)));

        api.MapGet("/orders/{clientOrderId}", async (string clientOrderId, NodeRuntime node, CancellationToken ct) =>
            (await OrdersAsync(node, ct).ConfigureAwait(false)).FirstOrDefault(o => o.ClientOrderId == clientOrderId) is { } order
                ? Results.Ok(order)
                : Problems.NotFound("order", clientOrderId));

        api.MapPost("/orders", (CreateOrderRequest? body, NodeRuntime node, CancellationToken ct) => CreateAsync(body, node, ct)).RequireToken();

        api.MapPost("/orders/{clientOrderId}/cancel", async (string clientOrderId, NodeRuntime node, CancellationToken ct) =>
        {
            var order = (await OrdersAsync(node, ct).ConfigureAwait(false)).FirstOrDefault(o => o.ClientOrderId == clientOrderId);
            if (order is null)
            {
                return Problems.NotFound("order", clientOrderId);
            }

            var answer = await node.Actors.Gateways[new VenueId(order.Venue)]
                .Ask<CancelAnswered>(new CancelOrder(new ClientOrderId(clientOrderId)), node.AskTimeout, ct).ConfigureAwait(false);
            return answer.Error switch
            {
                null => Results.Accepted($"/api/v1/orders/{clientOrderId}"),
                UnknownOrderException => Problems.NotFound("order", clientOrderId),
                var error => Problems.BadRequest("client_order_id", error.Message),
            };
        }).RequireToken();

        api.MapGet("/trades", async (HttpRequest request, NodeRuntime node, CancellationToken ct) =>
        {
            if (!QueryValues.TryPage(request, out var page, out var size, out var problem)
                || !QueryValues.TryInstant(request, "from", out var from, out problem)
                || !QueryValues.TryInstant(request, "to", out var to, out problem))
            {
                return problem!;
            }

            var venue = QueryValues.Text(request, "venue");
            var symbol = QueryValues.Text(request, "symbol");
            var executor = QueryValues.Text(request, "executor_id");
            var reports = await node.GetExecutorsAsync(ct).ConfigureAwait(false);
            var owners = OwnersOf(reports);
            var trades = (await VenueOrders.AllAsync(node, reports, ct).ConfigureAwait(false))
                .Where(o => venue is null || o.Venue.Value == venue)
                .SelectMany(o => o.Order.Fills.Select(f => new TradeView(o.Venue.Value, o.Order.Request.Instrument.Symbol.Value, f.TradeId,
                    f.ClientOrderId.Value, owners.GetValueOrDefault(f.ClientOrderId.Value), f.Side.ToString(), f.Price, f.Quantity, f.Notional, f.Fee.Amount,
                    f.Fee.Asset.Code, f.Role.ToString(), f.At)))
                .Where(t => (symbol is null || t.Symbol == symbol) && (executor is null || t.ExecutorId == executor) && (from is null || t.At >= from)
                    && (to is null || t.At < to))
                .OrderByDescending(t => t.At).ThenBy(t => t.TradeId, StringComparer.Ordinal)
                .ToList();
            return Results.Ok(QueryValues.Paginate(trades, page, size));
        });
    }

    private static bool IsTerminal(string status) =>
        Enum.Parse<OrderStatus>(status) is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Failed;

    private static async Task<IResult> CreateAsync(CreateOrderRequest? body, NodeRuntime node, CancellationToken ct)
    {
        if (body is null)
        {
            return Problems.BadRequest("body", "a JSON object with venue, symbol, side, type and quantity is required");
        }

        if (body.Venue is null || !node.Actors.Gateways.TryGetValue(new VenueId(body.Venue), out var gateway))
        {
            return Problems.BadRequest("venue", $"'{body.Venue}' is not a venue of this node ({string.Join(", ", node.Actors.Gateways.Keys.Select(k => k.Value))})");
        }

        var venue = node.Venues.First(v => v.Id.Value == body.Venue);
        var instruments = await venue.GetInstrumentsAsync(ct).ConfigureAwait(false);
        if (instruments.FirstOrDefault(i => i.Symbol.Value == body.Symbol) is not { } instrument)
        {
            return Problems.BadRequest("symbol", $"'{body.Symbol}' is not listed on {body.Venue}");
        }

        if (!Enum.TryParse<OrderSide>(body.Side, ignoreCase: true, out var side) || !Enum.IsDefined(side))
        {
            return Problems.BadRequest("side", $"'{body.Side}' must be Buy or Sell");
        }

        if (!Enum.TryParse<OrderType>(body.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type))
        {
            return Problems.BadRequest("type", $"'{body.Type}' must be Market, Limit or LimitMaker");
        }

        var timeInForce = TimeInForce.Gtc;
        if (body.TimeInForce is not null && (!Enum.TryParse(body.TimeInForce, ignoreCase: true, out timeInForce) || !Enum.IsDefined(timeInForce)))
        {
            return Problems.BadRequest("time_in_force", $"'{body.TimeInForce}' must be Gtc, Ioc or Fok");
        }

        if (type == OrderType.Market && body.TimeInForce is null)
        {
            timeInForce = TimeInForce.Ioc;
        }

        if (body.Quantity is not > 0m)
        {
            return Problems.BadRequest("quantity", $"{body.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} must be above zero");
        }

        MarkPrice mark;
        PositionSummary? position;
        try
        {
            mark = await venue.GetMarkPriceAsync(instrument.Symbol, ct).ConfigureAwait(false);
            position = (await venue.GetPositionsAsync(ct).ConfigureAwait(false)).FirstOrDefault(p => p.Key.Symbol == instrument.Symbol);
        }
        catch (VenueException down)
        {
            return Problems.Unavailable($"venue: the order was not sent; {body.Venue} did not answer the checks before it: {down.Message}");
        }

        var signed = position is { Side: PositionSide.Short } ? -position.Amount : position?.Amount ?? 0m;
        if (OrderRule.Check(instrument, side, type, body.Quantity.Value, body.Price, body.ReduceOnly ?? false, mark.Mark, signed) is { } refusal)
        {
            return Problems.BadRequest(refusal.Field, refusal.Reason);
        }

        var id = ClientOrderId.Derive($"api-{node.Settings.Name}-{node.Clock.GetUtcNow().UtcTicks}", Interlocked.Increment(ref s_manualOrders));
        OrderRequest order;
        try
        {
            order = new OrderRequest(id, instrument, side, type, body.Quantity.Value, body.Price, timeInForce, body.ReduceOnly ?? false);
        }
        catch (ArgumentException invalid)
        {
            return Problems.BadRequest(FieldOf(invalid.ParamName), invalid.Message);
        }

        var answer = await gateway.Ask(new PlaceOrder(order), node.AskTimeout, ct).ConfigureAwait(false);
        return answer switch
        {
            OrderPlaced placed => Results.Created($"/api/v1/orders/{placed.ClientOrderId.Value}", new OrderSent(placed.ClientOrderId.Value, body.Venue, "accepted")),
            OrderRefused refused => Problems.BadRequest("order", refused.Error.Message),
            OrderOutcomeUnknown unknown => Results.Accepted($"/api/v1/orders/{unknown.ClientOrderId.Value}",
                new OrderSent(unknown.ClientOrderId.Value, body.Venue, "unknown: look the order up by its id")),
            _ => throw new InvalidOperationException($"Unexpected answer {answer?.GetType().Name}."),
        };
    }

    private static string FieldOf(string? parameter) => parameter switch
    {
        "timeInForce" => "time_in_force",
        "price" => "price",
        "quantity" => "quantity",
        _ => "order",
    };

    private static ImmutableDictionary<string, string> OwnersOf(IEnumerable<PairReport> reports) =>
        reports
            .SelectMany(r => r.ClientOrderIds.Select(id => (id, r.Spec.ExecutorId)))
            .ToImmutableDictionary(p => p.id, p => p.ExecutorId, StringComparer.Ordinal);

    private static async Task<ImmutableArray<OrderView>> OrdersAsync(NodeRuntime node, CancellationToken ct)
    {
        var reports = await node.GetExecutorsAsync(ct).ConfigureAwait(false);
        var owners = OwnersOf(reports);
        return [.. (await VenueOrders.AllAsync(node, reports, ct).ConfigureAwait(false))
            .Select(o => OrderView.Of(o.Venue, o.Order, owners.GetValueOrDefault(o.Order.ClientOrderId.Value)))];
    }
}
