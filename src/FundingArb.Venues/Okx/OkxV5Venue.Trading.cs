using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Okx;

// Placement is idempotent by clOrdId: when the answer to trade/order is lost (a timeout, a dropped connection, a
// service error) the connector asks GET trade/order for the id before giving up. Found, the order stands and its ack is
// returned; not found, the error is raised and a resend with the same id is safe (OKX refuses a duplicate, 51016).
// OKX looks an order up by instId and id, so the connector remembers each order's instId; an order it did not place
// is searched for on every listed instrument.

public sealed partial class OkxV5Venue
{
    private readonly ConcurrentDictionary<ClientOrderId, Symbol> _orderSymbols = new();

    public async ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var id = request.ClientOrderId;
        var clOrdId = OkxClientOrderIds.ToWire(Id, id);
        var instrument = await InstrumentAsync(request.Instrument.Symbol, cancellationToken).ConfigureAwait(false);
        _orderSymbols[id] = instrument.Symbol;
        OkxAnswer answer;
        try
        {
            answer = await _rest.PostOrderAsync("/api/v5/trade/order", instrument.Symbol.Value, PlaceBody(request, instrument, clOrdId), request, id, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (VenueException lost) when (lost.OutcomeUnknown)
        {
            var order = await FindOrderAsync(id, cancellationToken).ConfigureAwait(false);
            if (order is null)
            {
                throw;
            }

            return new OrderAck(id, OkxJson.Text(order.Value, "ordId"), OrderStatus.Open,
                OkxJson.Decimal(order.Value, "accFillSz") * instrument.Rules.ContractMultiplier, OkxJson.Millis(order.Value, "cTime"));
        }

        return new OrderAck(id, OkxJson.Text(answer.Single, "ordId"), OrderStatus.Open, 0m, OkxJson.Millis(answer.Single, "ts"));
    }

    /// The cancel answer carries ids only; the filled quantity is read from GET trade/order right after.
    public async ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        cancellationToken.ThrowIfCancellationRequested();
        var symbol = await SymbolOfAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["instId"] = symbol.Value, ["clOrdId"] = OkxClientOrderIds.ToWire(Id, clientOrderId) };
        var answer = await _rest.PostOrderAsync("/api/v5/trade/cancel-order", symbol.Value, body.ToJsonString(), null, clientOrderId, cancellationToken)
            .ConfigureAwait(false);
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var order = await FindOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        var filled = order is { } found ? OkxJson.Decimal(found, "accFillSz") * instrument.Rules.ContractMultiplier : 0m;
        return new CancelAck(clientOrderId, OrderStatus.Canceled, filled, OkxJson.Millis(answer.Single, "ts"));
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
        var answer = await _rest.GetSignedAsync("/api/v5/trade/orders-pending", "instType=SWAP", null, cancellationToken).ConfigureAwait(false);
        var orders = ImmutableArray.CreateBuilder<TrackedOrder>();
        foreach (var order in answer.Data.EnumerateArray())
        {
            orders.Add(await TrackAsync(order, cancellationToken).ConfigureAwait(false));
        }

        return orders.ToImmutable();
    }

    private async ValueTask<TrackedOrder> TrackAsync(JsonElement order, CancellationToken cancellationToken)
    {
        var id = OkxClientOrderIds.FromWire(OkxJson.Text(order, "clOrdId"));
        var instrument = await InstrumentAsync(new Symbol(OkxJson.Text(order, "instId")), cancellationToken).ConfigureAwait(false);
        var fills = OkxJson.Decimal(order, "accFillSz") == 0m
            ? []
            : await FillsAsync(instrument, OkxJson.Text(order, "ordId"), id, cancellationToken).ConfigureAwait(false);
        return OkxOrderReader.Order(order, instrument, fills);
    }

    private async ValueTask<ImmutableArray<Fill>> FillsAsync(Instrument instrument, string ordId, ClientOrderId id, CancellationToken cancellationToken)
    {
        var query = OkxRestClient.Query(("instType", "SWAP"), ("instId", instrument.Symbol.Value), ("ordId", ordId));
        var answer = await _rest.GetSignedAsync("/api/v5/trade/fills", query, id, cancellationToken).ConfigureAwait(false);
        return [.. answer.Data.EnumerateArray().Select(f => OkxOrderReader.Fill(f, instrument, id))];
    }

    /// The order's GET trade/order entry, or null when the venue has none under this id.
    private async ValueTask<JsonElement?> FindOrderAsync(ClientOrderId id, CancellationToken cancellationToken)
    {
        IEnumerable<Symbol> candidates = _orderSymbols.TryGetValue(id, out var symbol)
            ? [symbol]
            : (await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false)).Select(i => i.Symbol);
        foreach (var candidate in candidates)
        {
            try
            {
                var query = OkxRestClient.Query(("instId", candidate.Value), ("clOrdId", OkxClientOrderIds.ToWire(Id, id)));
                var answer = await _rest.GetSignedAsync("/api/v5/trade/order", query, id, cancellationToken).ConfigureAwait(false);
                _orderSymbols[id] = candidate;
                return answer.Single;
            }
            catch (UnknownOrderException)
            {
            }
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
            ? new Symbol(OkxJson.Text(order, "instId"))
            : throw new UnknownOrderException(Id, id, "never received");
    }

    /// sz is in contracts: the base quantity divided by ctVal. A quantity that is not a whole number of lots is sent as it is
    /// and refused by the venue, rather than silently rounded here.
    private static string PlaceBody(OrderRequest request, Instrument instrument, string clOrdId)
    {
        var body = new JsonObject
        {
            ["instId"] = instrument.Symbol.Value,
            ["tdMode"] = "cross",
            ["side"] = request.Side == OrderSide.Buy ? "buy" : "sell",
            ["posSide"] = "net",
            ["ordType"] = request switch
            {
                { Type: OrderType.Market } => "market",
                { IsPostOnly: true } => "post_only",
                { TimeInForce: TimeInForce.Ioc } => "ioc",
                { TimeInForce: TimeInForce.Fok } => "fok",
                _ => "limit",
            },
            ["sz"] = Wire(request.Quantity / instrument.Rules.ContractMultiplier),
            ["reduceOnly"] = request.ReduceOnly,
            ["clOrdId"] = clOrdId,
        };
        if (request.Price is { } price)
        {
            body["px"] = Wire(price);
        }

        return body.ToJsonString();
    }

    private static string Wire(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
