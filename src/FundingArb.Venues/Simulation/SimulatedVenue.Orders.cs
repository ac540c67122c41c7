using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Simulation;

public sealed partial class SimulatedVenue
{
    private readonly Dictionary<ClientOrderId, OrderRecord> _orders = [];
    private readonly List<OrderRecord> _orderLog = [];
    private readonly List<RejectedOrder> _rejections = [];
    private long _orderNumber;

    public ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestAsync(() => HandlePlace(request), cancellationToken);
    }

    public ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        return RequestAsync<CancelAck>(() => HandleCancel(clientOrderId), cancellationToken);
    }

    public ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        return RequestAsync<TrackedOrder>(
            () => _orders.TryGetValue(clientOrderId, out var record)
                ? record.Order
                : throw new UnknownOrderException(Id, clientOrderId, "never received"),
            cancellationToken);
    }

    public ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        RequestAsync<ImmutableArray<TrackedOrder>>(
            () => _orderLog.Where(r => !r.Order.IsTerminal).Select(r => r.Order).ToImmutableArray(), cancellationToken);

    // The checks run in the order venues run them: the market, then uniqueness, then the rules, then what depends
    // on the account (reduce-only, post-only, margin). A refused request is not recorded and its id stays free.
    private Answer<OrderAck> HandlePlace(OrderRequest request)
    {
        var id = request.ClientOrderId;
        if (request.Instrument.Venue != Id || !_marketsBySymbol.TryGetValue(request.Instrument.Symbol, out var market))
        {
            throw Refuse(request, new InvalidOrderException(Id, id, $"{Id} lists no market {request.Instrument.Symbol}"));
        }

        if (TakeCountedFault<RejectOrdersFault>() is { } reject)
        {
            throw Refuse(request, InjectedError(reject.Error, request, market));
        }

        if (_orders.ContainsKey(id))
        {
            throw Refuse(request, new DuplicateClientOrderIdException(Id, id));
        }

        CheckRules(request, market);
        var position = market.Position.NetQuantity;
        if (request.ReduceOnly && ReduceOnlyRoom(request.Side, position) == 0m)
        {
            throw Refuse(request, new ReduceOnlyRejectedException(Id, id, position));
        }

        var priceTicks = request.Price is { } price ? (long)(price / market.Rules.TickSize) : 0L;
        var crossing = request.IsPostOnly ? CrossedTouch(market, request.Side, priceTicks) : null;
        if (crossing is { } touch && _settings.PostOnly == PostOnlyStyle.RejectOnSubmit)
        {
            throw Refuse(request, new PostOnlyWouldCrossException(Id, id, request.Price!.Value, market.Book.Price(touch)));
        }

        CheckMargin(request, market);
        var cap = TakeCountedFault<PartialFillFault>() is { } partial
            ? market.Rules.QuantizeSize(request.Quantity * partial.Ratio)
            : request.Quantity;
        var delay = TakeCountedFault<DelayAckFault>()?.Delay ?? TimeSpan.Zero;
        var record = Accept(request, market, priceTicks, cap);
        if (crossing is not null)
        {
            // Bybit and OKX answer "received" and cancel on the stream a moment later.
            var received = Ack(record);
            CancelByVenue(record, nameof(VenueError.PostOnlyWouldCross));
            return new Answer<OrderAck>(received, delay);
        }

        Execute(record);
        return new Answer<OrderAck>(Ack(record), delay);
    }

    private CancelAck HandleCancel(ClientOrderId id)
    {
        if (!_orders.TryGetValue(id, out var record))
        {
            throw new UnknownOrderException(Id, id, "never received");
        }

        if (record.Order.IsTerminal)
        {
            throw new UnknownOrderException(Id, id, string.Create(CultureInfo.InvariantCulture, $"already {record.Order.Status}"));
        }

        var filledBefore = record.Order.FilledQuantity;
        var late = record.Fillable > 0m && TakeCountedFault<FillAfterCancelFault>() is { } fault ? fault : null;
        var lateQuantity = late is null ? 0m : LateFillQuantity(record, late.Ratio);
        StopResting(record);
        record.Apply(OrderEvent.Canceled(At));
        Emit(new OrderUpdated(Id, NextEventSequence(), At, record.Request.Instrument.Symbol, id, OrderEvent.Canceled(At), record.Order.Status));
        if (lateQuantity > 0m)
        {
            // Matched before the cancel reached the book; reported after the cancel's acknowledgement.
            ApplyFill(record, record.Market.Book.Price(record.PriceTicks), lateQuantity, Trading.Orders.LiquidityRole.Maker, late!.Delay.Ticks);
        }

        return new CancelAck(id, OrderStatus.Canceled, filledBefore, At);
    }

    private static decimal LateFillQuantity(OrderRecord record, decimal ratio)
    {
        var room = Math.Min(record.Fillable, ReduceOnlyRoomOf(record));
        return record.Market.Rules.QuantizeSize(room * ratio);
    }

    private VenueException Refuse(OrderRequest request, VenueException error)
    {
        _rejections.Add(new RejectedOrder(request, error.Error, error.Message, At));
        return error;
    }

    private void CheckRules(OrderRequest request, MarketState market)
    {
        var id = request.ClientOrderId;
        if (!market.Instrument.IsTradable)
        {
            throw Refuse(request, new InvalidOrderException(Id, id, $"{market.Instrument.Symbol} is not trading"));
        }

        if (request.Price is { } limit && market.Rules.CheckPriceBand(limit, market.Mark) is { } outside)
        {
            throw Refuse(request, new InvalidOrderException(Id, id, outside.Message));
        }

        var price = request.Price ?? market.Mark;
        if (market.Rules.Check(price, request.Quantity) is not { } violation)
        {
            return;
        }

        if (violation.Kind != Trading.Instruments.RuleViolationKind.BelowMinNotional)
        {
            throw Refuse(request, new InvalidOrderException(Id, id, violation.Message));
        }

        // Venues waive the minimum notional for orders that can only close (Binance -4164 "unless reduce-only").
        if (!request.ReduceOnly)
        {
            throw Refuse(request, new BelowMinNotionalException(Id, id, violation.Actual, violation.Required));
        }
    }

    private OrderRecord Accept(OrderRequest request, MarketState market, long priceTicks, decimal fillCap)
    {
        var number = ++_orderNumber;
        var record = new OrderRecord(request, market, number, priceTicks, fillCap, market.Mid, At);
        var accepted = OrderEvent.Accepted(string.Create(CultureInfo.InvariantCulture, $"{Id}-{number}"), At);
        record.Apply(OrderEvent.Submitted(At));
        record.Apply(accepted);
        _orders.Add(request.ClientOrderId, record);
        _orderLog.Add(record);
        Emit(new OrderUpdated(Id, NextEventSequence(), At, market.Instrument.Symbol, request.ClientOrderId, accepted, record.Order.Status));
        return record;
    }

    private OrderAck Ack(OrderRecord record) =>
        new(record.Request.ClientOrderId, record.Order.VenueOrderId!, record.Order.Status, record.Order.FilledQuantity, At);
}
