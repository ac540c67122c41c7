using FundingArb.Actors.Venues;
using Akka.Actor;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Errors;

namespace FundingArb.Actors.Orders;

// Connection trouble (rate limits, a venue down) is retried after a backoff for as long as it lasts: the parent's
// deadline decides when an entry gives up, and a closing leg must never be abandoned. One order at a time: the next is intended only when every earlier order is closed (terminal at the venue and
// every fill it reported counted), so a partial fill that races a cancel is never lost and never re-placed. An
// order whose answer was lost is looked up after the request window, never resent. Fills keep flowing to the
// parent after LegDone (a fill reported after the cancel), until the parent stops this actor. An order the venue says
// it does not know is taken as never received only when it is still unknown a request window after the first such
// answer: until then it may be on its way.

/// Child of an executor: works one leg in its execution mode and reports every fill to its parent.
public sealed class OrderActor : ReceiveActor, IWithTimers
{
    private readonly LegAssignment _assignment;
    private readonly IActorRef _gateway;
    private readonly OrderSettings _settings;
    private readonly Dictionary<ClientOrderId, WorkingOrder> _orders = [];
    private readonly HashSet<string> _seenTrades;
    private ExecutionMode _mode;
    private decimal _filled;
    private int _failures;
    private LegStep _step = LegStep.Ready;

    // Not steps: each holds across steps. Stopping: the parent said stop, so no new order (one already intended is still
    // sent, its intent being journalled, and cancelled at once). AtMarket: a limit timed out or the book was empty, so
    // the rest is taken at market (intents still record the leg's mode).
    private bool _stopping;
    private bool _atMarket;

    public OrderActor(LegAssignment assignment, IActorRef gateway, OrderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(settings);
        _assignment = assignment;
        _gateway = gateway;
        _settings = settings;
        _mode = assignment.ReduceOnly ? ExecutionMode.MarketOnly : assignment.Mode;
        _seenTrades = [.. assignment.KnownTradeIds];

        Receive<OrderIntentRecorded>(m => Send(m.Request));
        Receive<OrderIntentRefused>(m =>
        {
            _step = LegStep.Ready;
            Finish(m.Refusal);
        });
        Receive<BookFetched>(OnTouch);
        Receive<MarketFetchFailed>(_ => RetryLater());
        Receive<OrderPlaced>(OnPlaced);
        Receive<OrderRefused>(OnRefused);
        Receive<OrderOutcomeUnknown>(m => LookUpLater(m.ClientOrderId));
        Receive<QueryDue>(m => _gateway.Tell(new QueryOrder(m.ClientOrderId)));
        Receive<OrderQueried>(OnQueried);
        Receive<VenueOrderEvent>(OnVenueEvent);
        Receive<CancelAnswered>(OnCancelAnswered);
        Receive<UserStreamResumed>(_ => LookUpOpenOrders());
        Receive<LimitExpired>(OnLimitExpired);
        Receive<ChaseTick>(_ => FetchTouch());
        Receive<RetryDue>(_ =>
        {
            if (_step == LegStep.BackingOff)
            {
                _step = LegStep.Ready;
            }

            Continue();
        });
        Receive<CancelLeg>(_ => CancelAll());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(LegAssignment assignment, IActorRef gateway, OrderSettings settings) =>
        Akka.Actor.Props.Create(() => new OrderActor(assignment, gateway, settings));

    protected override void PreStart()
    {
        foreach (var intent in _assignment.Unresolved)
        {
            _orders[intent.ClientOrderId] = new WorkingOrder(intent.ClientOrderId, null, intent.At);
            LookUpLater(intent.ClientOrderId);
        }

        if (_assignment.FirstOrder is { } first)
        {
            Send(first);
        }
        else
        {
            Continue();
        }
    }

    private decimal Remaining => _assignment.Instrument.Rules.QuantizeSize(Math.Max(0m, _assignment.Quantity - _filled));

    private void Continue()
    {
        if (_step != LegStep.Ready || _orders.Values.Any(o => !o.IsClosed))
        {
            return;
        }

        var quantity = Remaining;
        if (_stopping || quantity <= 0m || quantity < _assignment.Instrument.Rules.MinBaseSize)
        {
            Finish(null);
        }
        else if (_failures >= _settings.MaxAttempts)
        {
            Finish($"gave up after {_failures} post-only orders that would have crossed");
        }
        else if (_mode == ExecutionMode.MarketOnly || _atMarket)
        {
            Intend(OrderType.Market, quantity, null);
        }
        else
        {
            FetchTouch();
        }
    }

    private void FetchTouch()
    {
        _step = LegStep.AwaitingTouch;
        _gateway.Tell(new FetchBook(_assignment.Instrument.Symbol, 1));
    }

    private void OnTouch(BookFetched fetched)
    {
        if (_step == LegStep.Done)
        {
            return;
        }

        _step = LegStep.Ready;
        if (_stopping)
        {
            // Told to stop while the touch was on its way: no new order, whatever the book says.
            Continue();
            return;
        }

        var touch = _assignment.Side == OrderSide.Buy ? fetched.Book.BestBid : fetched.Book.BestAsk;
        var working = _orders.Values.FirstOrDefault(o => !o.IsClosed);
        if (working is not null)
        {
            ChaseIfMoved(working, touch);
            return;
        }

        if (_mode == ExecutionMode.Adaptive)
        {
            var levels = _assignment.Side == OrderSide.Buy ? fetched.Book.Asks : fetched.Book.Bids;
            _mode = !levels.IsDefaultOrEmpty && levels[0].Size >= Remaining ? ExecutionMode.MarketOnly : ExecutionMode.LimitWithFallback;
        }

        if (_mode == ExecutionMode.MarketOnly || touch is null)
        {
            _atMarket |= touch is null;
            Continue();
            return;
        }

        Intend(OrderType.LimitMaker, Remaining, _assignment.Instrument.Rules.QuantizePrice(touch.Value, _assignment.Side));
    }

    private void ChaseIfMoved(WorkingOrder working, decimal? touch)
    {
        if (touch is not { } price || working.Request?.Price is not { } resting)
        {
            return;
        }

        if (Math.Abs(price - resting) / resting * 10_000m >= _settings.ChaseThresholdBps)
        {
            Cancel(working);
        }
    }

    private void Intend(OrderType type, decimal quantity, decimal? price)
    {
        if (quantity <= 0m)
        {
            Finish(null);
            return;
        }

        _step = LegStep.AwaitingIntent;
        Context.Parent.Tell(new IntendOrder(_assignment.Leg, type, _assignment.Side, quantity, price, _assignment.ReduceOnly, _mode));
    }

    private void Send(OrderRequest request)
    {
        if (_step == LegStep.AwaitingIntent)
        {
            _step = LegStep.Ready;
        }

        var order = _orders[request.ClientOrderId] = new WorkingOrder(request.ClientOrderId, request, Context.System.Scheduler.Now);
        _gateway.Tell(new PlaceOrder(request));
        if (_stopping)
        {
            Cancel(order);
            return;
        }

        if (request.Type == OrderType.LimitMaker)
        {
            if (_mode is ExecutionMode.LimitWithFallback or ExecutionMode.Adaptive)
            {
                Timers.StartSingleTimer(new LimitExpired(request.ClientOrderId), new LimitExpired(request.ClientOrderId), _settings.LimitTimeout);
            }
            else if (_mode == ExecutionMode.LimitChaser)
            {
                Timers.StartPeriodicTimer(ChaseTick.Instance, ChaseTick.Instance, _settings.ChaseInterval);
            }
        }
    }

    private void OnPlaced(OrderPlaced placed)
    {
        if (_orders.TryGetValue(placed.ClientOrderId, out var order))
        {
            order.Observe(placed.Ack.Status, placed.Ack.FilledQuantity);
            Resolve(order);
            if (order.IsTerminal && !order.IsClosed)
            {
                // Done at the venue with fills the stream has not brought (yet, or ever, if it dropped them): look.
                Timers.StartSingleTimer(new QueryDue(order.ClientOrderId), new QueryDue(order.ClientOrderId), _settings.RetryBackoff);
            }
        }
    }

    private void OnRefused(OrderRefused refused)
    {
        if (!_orders.TryGetValue(refused.ClientOrderId, out var order))
        {
            return;
        }

        order.Observe(OrderStatus.Rejected, 0m);
        switch (refused.Error)
        {
            case PostOnlyWouldCrossException:
                Resolve(order);
                _failures++;
                Continue();
                break;
            case RateLimitedException or VenueUnavailableException:
                Resolve(order);
                RetryLater();
                break;
            default:
                var refusal = $"{refused.Error.Error}: {refused.Error.Message}";
                Resolve(order, refusal);
                Finish(refusal);
                break;
        }
    }

    private void OnQueried(OrderQueried queried)
    {
        if (!_orders.TryGetValue(queried.ClientOrderId, out var order))
        {
            return;
        }

        if (queried.Error is not null)
        {
            Timers.StartSingleTimer(new QueryDue(order.ClientOrderId), new QueryDue(order.ClientOrderId), _settings.RetryBackoff);
            return;
        }

        if (queried.Order is not { } venueOrder)
        {
            OnUnknownAtVenue(order);
            return;
        }

        foreach (var fill in venueOrder.Fills)
        {
            Count(fill);
        }

        order.Observe(venueOrder.Status, venueOrder.FilledQuantity);
        if (!order.IsTerminal && (order.Request is null || _stopping))
        {
            // Recovered with the order still resting: cancel it and work the remainder afresh.
            Cancel(order);
        }

        Resolve(order);
        Continue();
    }

    /// The venue does not know the order. That is final only once it has stayed unknown for a whole request window
    /// past the order's own: a request the connector held back (a clock sync before signing, a rate limit's wait) or
    /// one still on the wire when the node died can reach the venue after the first lookup, and be filled there.
    private void OnUnknownAtVenue(WorkingOrder order)
    {
        var now = Context.System.Scheduler.Now;
        order.FirstUnknownAt ??= now;
        var windowEnd = order.FirstUnknownAt.Value + _settings.RequestTimeout;
        var finalAt = windowEnd > order.IntendedAt + _settings.RequestTimeout ? windowEnd : order.IntendedAt + _settings.RequestTimeout;
        if (now < finalAt)
        {
            Timers.StartSingleTimer(new QueryDue(order.ClientOrderId), new QueryDue(order.ClientOrderId), finalAt - now);
            return;
        }

        order.Observe(OrderStatus.Rejected, 0m);
        Resolve(order);
        Continue();
    }

    private void OnVenueEvent(VenueOrderEvent venueEvent)
    {
        switch (venueEvent.Event)
        {
            case OrderFilled filled when _orders.TryGetValue(filled.Fill.ClientOrderId, out var order):
                Count(filled.Fill);
                order.Observe(filled.Status, filled.FilledQuantity);
                Resolve(order);
                break;
            case OrderUpdated updated when _orders.TryGetValue(updated.ClientOrderId, out var order):
                order.Observe(updated.Status, 0m);
                Resolve(order);
                break;
        }

        Continue();
    }

    /// Counts a fill for its order (each trade once), and for the leg and the parent unless the parent knew it
    /// already (a fill persisted before a crash still closes its recovered order).
    private void Count(Fill fill)
    {
        if (_orders.TryGetValue(fill.ClientOrderId, out var order) && order.Trades.Add(fill.TradeId))
        {
            order.Counted += fill.Quantity;
        }

        if (!_seenTrades.Add(fill.TradeId))
        {
            return;
        }

        _filled += fill.Quantity;
        Context.Parent.Tell(new LegFillReported(_assignment.Leg, fill));
    }

    private void Resolve(WorkingOrder order, string? refusal = null)
    {
        if (order.IsClosed && !order.Reported)
        {
            order.Reported = true;
            Timers.Cancel(new LimitExpired(order.ClientOrderId));
            Timers.Cancel(new QueryDue(order.ClientOrderId));
            Context.Parent.Tell(new LegOrderResolved(_assignment.Leg, order.ClientOrderId, order.Status, refusal));
            if (order.Request?.Type == OrderType.Market && order.Counted == 0m && order.Status != OrderStatus.Rejected)
            {
                // A market order that found nothing to take: wait before the next, rather than spin on an empty book.
                RetryLater();
            }
        }
    }

    private void OnCancelAnswered(CancelAnswered answered)
    {
        if (answered.Error is UnknownOrderException && _orders.TryGetValue(answered.ClientOrderId, out var order) && order.Request is not null)
        {
            LookUpLater(order.ClientOrderId);
        }
        else if (answered.Error is { OutcomeUnknown: true } or VenueUnavailableException or RateLimitedException)
        {
            _gateway.Tell(new QueryOrder(answered.ClientOrderId));
        }
    }

    private void OnLimitExpired(LimitExpired expired)
    {
        if (_orders.TryGetValue(expired.ClientOrderId, out var order) && !order.IsTerminal)
        {
            _atMarket = true;
            Cancel(order);
        }
    }

    private void CancelAll()
    {
        _stopping = true;
        if (_step == LegStep.BackingOff)
        {
            _step = LegStep.Ready;
        }

        Timers.Cancel(RetryDue.Instance);
        Timers.Cancel(ChaseTick.Instance);
        foreach (var order in _orders.Values.Where(o => !o.IsTerminal))
        {
            // Its lookup timer stays: an order whose answer was lost must still be found out.
            Timers.Cancel(new LimitExpired(order.ClientOrderId));
            Cancel(order);
        }

        Continue();
    }

    private void Cancel(WorkingOrder order)
    {
        if (!order.CancelSent)
        {
            order.CancelSent = true;
            _gateway.Tell(new CancelOrder(order.ClientOrderId));
        }
    }

    private void LookUpLater(ClientOrderId clientOrderId)
    {
        if (!_orders.TryGetValue(clientOrderId, out var order))
        {
            return;
        }

        var due = order.IntendedAt + _settings.RequestTimeout - Context.System.Scheduler.Now;
        Timers.StartSingleTimer(new QueryDue(clientOrderId), new QueryDue(clientOrderId), due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1));
    }

    private void LookUpOpenOrders()
    {
        foreach (var order in _orders.Values.Where(o => !o.IsClosed))
        {
            _gateway.Tell(new QueryOrder(order.ClientOrderId));
        }
    }

    private void RetryLater()
    {
        if (_step == LegStep.Done)
        {
            return;
        }

        _step = LegStep.BackingOff;
        Timers.StartSingleTimer(RetryDue.Instance, RetryDue.Instance, _settings.RetryBackoff);
    }

    private void Finish(string? failure)
    {
        if (_step == LegStep.Done)
        {
            return;
        }

        _step = LegStep.Done;
        Timers.Cancel(ChaseTick.Instance);
        Context.Parent.Tell(new LegDone(_assignment.Leg, _filled, failure));
    }

    private sealed class WorkingOrder(ClientOrderId clientOrderId, OrderRequest? request, DateTimeOffset intendedAt)
    {
        public ClientOrderId ClientOrderId { get; } = clientOrderId;

        /// Null for an order recovered from the journal: only its id and time are known until the venue answers.
        public OrderRequest? Request { get; } = request;

        public DateTimeOffset IntendedAt { get; } = intendedAt;

        public OrderStatus Status { get; private set; } = OrderStatus.Submitted;

        public decimal VenueFilled { get; private set; }

        public decimal Counted { get; set; }

        public HashSet<string> Trades { get; } = [];

        public bool CancelSent { get; set; }

        /// When a lookup first found the venue without the order; null while the venue has not said so.
        public DateTimeOffset? FirstUnknownAt { get; set; }

        public bool Reported { get; set; }

        public bool IsTerminal => OrderStateMachine.IsTerminal(Status);

        /// Terminal at the venue, with every fill the venue counted also counted here.
        public bool IsClosed => IsTerminal && Counted >= VenueFilled;

        public void Observe(OrderStatus status, decimal venueFilled)
        {
            if (!IsTerminal)
            {
                Status = status;
            }

            VenueFilled = Math.Max(VenueFilled, venueFilled);
        }
    }

    private sealed record QueryDue(ClientOrderId ClientOrderId);

    private sealed record LimitExpired(ClientOrderId ClientOrderId);

    private sealed record ChaseTick
    {
        public static ChaseTick Instance { get; } = new();
    }

    private sealed record RetryDue
    {
        public static RetryDue Instance { get; } = new();
    }

    /// What the leg waits for; in Ready it decides its next order.
    private enum LegStep
    {
        Ready,

        /// The parent is journalling the next order's intent.
        AwaitingIntent,

        /// The book's touch is on its way, to price a post-only order.
        AwaitingTouch,

        /// After a rate limit, a venue down or a market order that found nothing: the retry timer is running.
        BackingOff,

        /// LegDone was sent; fills still reported are passed on.
        Done,
    }
}
