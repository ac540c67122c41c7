using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Binance;

// Placement is idempotent by client order id: when the answer is lost (a timeout, a connection dropped after
// sending) the order is looked up by origClientOrderId; found, its state is the acknowledgement; never received,
// the original error stands and a resend with the same id is safe (Binance refuses a duplicate id).

public sealed partial class BinanceUsdmVenue
{
    private const int MaxTradesLimit = 1000;

    public async ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        _symbols[request.ClientOrderId] = request.Instrument.Symbol;
        var call = new BinanceCall(HttpMethod.Post, "/fapi/v1/order", OrderParameters(request), BinanceAuth.Signed, 0) { Order = request };
        try
        {
            return BinanceOrderParser.Ack(await SendAsync(call, cancellationToken).ConfigureAwait(false));
        }
        catch (VenueException lost) when (lost.OutcomeUnknown)
        {
            try
            {
                return BinanceOrderParser.Ack(await QueryAsync(request.Instrument.Symbol, request.ClientOrderId, cancellationToken).ConfigureAwait(false));
            }
            catch (UnknownOrderException)
            {
                throw lost;
            }
        }
    }

    public async ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        var symbol = await SymbolOfAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        var answer = await SendAsync(new BinanceCall(HttpMethod.Delete, "/fapi/v1/order",
            [Parameter("symbol", symbol.Value), Parameter("origClientOrderId", clientOrderId.Value)], BinanceAuth.Signed, 1) { ClientOrderId = clientOrderId },
            cancellationToken).ConfigureAwait(false);
        return BinanceOrderParser.CancelAck(answer);
    }

    public async ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        var symbol = await SymbolOfAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        return await TrackedAsync(await QueryAsync(symbol, clientOrderId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/openOrders", [], BinanceAuth.Signed, 40), cancellationToken).ConfigureAwait(false);
        var orders = ImmutableArray.CreateBuilder<TrackedOrder>();
        foreach (var order in answer.EnumerateArray())
        {
            _symbols[new ClientOrderId(BinanceJson.String(order, "clientOrderId"))] = new Symbol(BinanceJson.String(order, "symbol"));
            orders.Add(await TrackedAsync(order, cancellationToken).ConfigureAwait(false));
        }

        return orders.ToImmutable();
    }

    private Task<JsonElement> QueryAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/order",
            [Parameter("symbol", symbol.Value), Parameter("origClientOrderId", clientOrderId.Value)], BinanceAuth.Signed, 1) { ClientOrderId = clientOrderId },
            cancellationToken);

    /// The order with its fills: Binance's order carries only totals, its trades carry fees and maker/taker.
    private async Task<TrackedOrder> TrackedAsync(JsonElement order, CancellationToken cancellationToken)
    {
        var instrument = await InstrumentAsync(new Symbol(BinanceJson.String(order, "symbol")), cancellationToken).ConfigureAwait(false);
        var trades = ImmutableArray<JsonElement>.Empty;
        if (BinanceJson.Decimal(order, "executedQty") > 0m)
        {
            var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/userTrades",
                [
                    Parameter("symbol", instrument.Symbol.Value),
                    Parameter("orderId", BinanceJson.Long(order, "orderId").ToString(CultureInfo.InvariantCulture)),
                    Parameter("limit", MaxTradesLimit.ToString(CultureInfo.InvariantCulture)),
                ], BinanceAuth.Signed, 5), cancellationToken).ConfigureAwait(false);
            trades = [.. answer.EnumerateArray()];
        }

        return BinanceOrderParser.Order(order, instrument, trades);
    }

    private async ValueTask<Symbol> SymbolOfAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        if (_symbols.TryGetValue(clientOrderId, out var known))
        {
            return known;
        }

        foreach (var instrument in await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await QueryAsync(instrument.Symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
                return _symbols[clientOrderId] = instrument.Symbol;
            }
            catch (UnknownOrderException)
            {
                continue;
            }
        }

        throw new UnknownOrderException(Id, clientOrderId, "never received on any symbol");
    }

    private static List<KeyValuePair<string, string>> OrderParameters(OrderRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            Parameter("symbol", request.Instrument.Symbol.Value),
            Parameter("side", request.Side == OrderSide.Buy ? "BUY" : "SELL"),
            Parameter("type", request.Type == OrderType.Market ? "MARKET" : "LIMIT"),
            Parameter("quantity", request.Quantity.ToString(CultureInfo.InvariantCulture)),
        };
        if (request.Price is { } price)
        {
            parameters.Add(Parameter("price", price.ToString(CultureInfo.InvariantCulture)));
            parameters.Add(Parameter("timeInForce", request.IsPostOnly ? "GTX" : request.TimeInForce switch
            {
                TimeInForce.Ioc => "IOC",
                TimeInForce.Fok => "FOK",
                _ => "GTC",
            }));
        }

        if (request.ReduceOnly)
        {
            parameters.Add(Parameter("reduceOnly", "true"));
        }

        parameters.Add(Parameter("newClientOrderId", request.ClientOrderId.Value));
        parameters.Add(Parameter("newOrderRespType", "RESULT"));
        return parameters;
    }
}
