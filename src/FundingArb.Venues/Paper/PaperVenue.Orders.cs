using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Paper;

// Placement reads the venue's book first (the one request a paper order makes, and a public one), then decides under
// the lock in the order the simulator and real venues check: uniqueness, the rules, then what depends on the account
// (reduce-only, post-only, margin). A refused request is not recorded and its id stays free.

public sealed partial class PaperVenue
{
    private readonly Dictionary<ClientOrderId, PaperOrder> _orders = [];
    private readonly List<PaperOrder> _orderLog = [];
    private long _orderNumber;

    public async ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Instrument.Venue != Id)
        {
            throw new InvalidOrderException(Id, request.ClientOrderId, $"{request.Instrument.Symbol} is listed on {request.Instrument.Venue}, not {Id}");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            MarketOf(request.Instrument);
        }

        var book = await _market.GetOrderBookAsync(request.Instrument.Symbol, _settings.BookDepth, cancellationToken).ConfigureAwait(false);
        ObserveBook(book);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var ack = HandlePlace(request, _markets[request.Instrument.Symbol]);
            Persist();
            return ack;
        }
    }

    public ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<CancelAck>(cancellationToken);
        }

        lock (_gate)
        {
            if (!_orders.TryGetValue(clientOrderId, out var order))
            {
                throw new UnknownOrderException(Id, clientOrderId, "never received");
            }

            if (order.Order.IsTerminal)
            {
                throw new UnknownOrderException(Id, clientOrderId, string.Create(CultureInfo.InvariantCulture, $"already {order.Order.Status}"));
            }

            StopResting(order);
            var canceled = OrderEvent.Canceled(Now);
            order.Apply(canceled);
            Emit(new OrderUpdated(Id, NextEventSequence(), Now, order.Market.Instrument.Symbol, clientOrderId, canceled, order.Order.Status));
            Persist();
            return ValueTask.FromResult(new CancelAck(clientOrderId, OrderStatus.Canceled, order.Order.FilledQuantity, Now));
        }
    }

    public ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId.Value, nameof(clientOrderId));
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TrackedOrder>(cancellationToken);
        }

        lock (_gate)
        {
            return _orders.TryGetValue(clientOrderId, out var order)
                ? ValueTask.FromResult(order.Order)
                : throw new UnknownOrderException(Id, clientOrderId, "never received");
        }
    }

    public ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ImmutableArray<TrackedOrder>>(cancellationToken);
        }

        lock (_gate)
        {
            return ValueTask.FromResult(_orderLog.Where(o => !o.Order.IsTerminal).Select(o => o.Order).ToImmutableArray());
        }
    }

    private OrderAck HandlePlace(OrderRequest request, PaperMarket market)
    {
        var id = request.ClientOrderId;
        if (_orders.ContainsKey(id))
        {
            throw new DuplicateClientOrderIdException(Id, id);
        }

        CheckRules(request, market);
        var position = market.Position.NetQuantity;
        if (request.ReduceOnly && BookMatching.ReduceOnlyRoom(request.Side, position) == 0m)
        {
            throw new ReduceOnlyRejectedException(Id, id, position);
        }

        var buy = request.Side == OrderSide.Buy;
        var touch = market.Touch(buy);
        var crosses = request.IsPostOnly && touch is { } t && BookMatching.WouldTake(request.Side, request.Price!.Value, t);
        if (crosses && _settings.PostOnly == PostOnlyStyle.RejectOnSubmit)
        {
            throw new PostOnlyWouldCrossException(Id, id, request.Price!.Value, touch!.Value);
        }

        CheckMargin(request, market);
        var order = Accept(request, market);
        if (crosses)
        {
            // Bybit and OKX answer "received" and cancel on the stream a moment later.
            var received = Ack(order);
            CancelByVenue(order, nameof(VenueError.PostOnlyWouldCross));
            return received;
        }

        Execute(order);
        if (order.IsResting)
        {
            WatchBook(request.Instrument.Symbol);
        }

        return Ack(order);
    }

    private void CheckRules(OrderRequest request, PaperMarket market)
    {
        var id = request.ClientOrderId;
        var rules = market.Instrument.Rules;
        if (!request.Instrument.IsTradable)
        {
            throw new InvalidOrderException(Id, id, $"{request.Instrument.Symbol} is not trading");
        }

        var mark = market.MarkOrMid;
        if (request.Price is { } limit && mark is { } m && rules.CheckPriceBand(limit, m) is { } outside)
        {
            throw new InvalidOrderException(Id, id, outside.Message);
        }

        if ((request.Price ?? mark) is not { } price || rules.Check(price, request.Quantity) is not { } violation)
        {
            return;
        }

        if (violation.Kind != Trading.Instruments.RuleViolationKind.BelowMinNotional)
        {
            throw new InvalidOrderException(Id, id, violation.Message);
        }

        // Venues waive the minimum notional for orders that can only close (Binance -4164 "unless reduce-only").
        if (!request.ReduceOnly)
        {
            throw new BelowMinNotionalException(Id, id, violation.Actual, violation.Required);
        }
    }

    private PaperOrder Accept(OrderRequest request, PaperMarket market)
    {
        var number = ++_orderNumber;
        var order = new PaperOrder(request, market, number, Now);
        var accepted = OrderEvent.Accepted(string.Create(CultureInfo.InvariantCulture, $"paper-{Id}-{number}"), Now);
        order.Apply(OrderEvent.Submitted(Now));
        order.Apply(accepted);
        _orders.Add(request.ClientOrderId, order);
        _orderLog.Add(order);
        Emit(new OrderUpdated(Id, NextEventSequence(), Now, market.Instrument.Symbol, request.ClientOrderId, accepted, order.Order.Status));
        return order;
    }

    private OrderAck Ack(PaperOrder order) =>
        new(order.Request.ClientOrderId, order.Order.VenueOrderId!, order.Order.Status, order.Order.FilledQuantity, Now);
}
