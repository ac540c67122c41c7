using Akka.Actor;
using Akka.Event;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Errors;

namespace FundingArb.Actors.Venues;

// The one actor that talks to a venue. Requests are paced by a token bucket and answered to their sender as
// messages (VenueCall), so the gateway never waits. The user stream is read by a pump that only Tells; events
// are routed by client order id to the actor that placed or queried the order, and funding settlements to the
// actors that subscribed to the market. A dropped stream is resubscribed with backoff, and every routed actor and
// funding subscriber is told to reconcile, because the venue does not replay what it sent while we were away.

/// Owns one IVenue: rate limits, the user stream and its reconnection, routing by client order id.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor's PostStop is its dispose: it cancels and disposes the stream's token source.")]
public sealed class VenueGateway : ReceiveActor, IWithTimers
{
    private readonly IVenue _venue;
    private readonly VenueGatewaySettings _settings;
    private readonly Dictionary<ClientOrderId, IActorRef> _routes = [];
    private readonly Dictionary<Symbol, HashSet<IActorRef>> _fundingSubscribers = [];
    private readonly Queue<(object Request, IActorRef Sender)> _waiting = new();
    private CancellationTokenSource _stream = new();
    private int _streamGeneration;
    private long _lastSequence;
    private TimeSpan _reconnectBackoff;
    private decimal _tokens;
    private DateTimeOffset _refilledAt;

    public VenueGateway(IVenue venue, VenueGatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(settings);
        _venue = venue;
        _settings = settings;
        _tokens = settings.Burst;
        _refilledAt = Context.System.Scheduler.Now;
        _reconnectBackoff = settings.ReconnectMinBackoff;

        Receive<PlaceOrder>(m => Pace(m));
        Receive<CancelOrder>(m => Pace(m));
        Receive<QueryOrder>(m => Pace(m));
        Receive<FetchMarket>(m => Pace(m));
        Receive<FetchBook>(m => Pace(m));
        Receive<FetchInstruments>(m => Pace(m));
        Receive<FetchFundingHistory>(m => Pace(m));
        Receive<DrainWaiting>(_ => Drain());
        Receive<SubscribeFunding>(m => SubscribeToFunding(m.Symbol, Sender));
        Receive<UnsubscribeFunding>(m => UnsubscribeFromFunding(m.Symbol, Sender));
        Receive<StreamItem>(m => m.Generation == _streamGeneration, m =>
        {
            _reconnectBackoff = _settings.ReconnectMinBackoff;
            Route(m.Event);
        });
        Receive<StreamEnded>(m => m.Generation == _streamGeneration, m => OnStreamEnded(m.Error));
        Receive<StreamItem>(_ => { });
        Receive<StreamEnded>(_ => { });
        Receive<Reconnect>(_ => Subscribe(resumed: true));
        Receive<Terminated>(m => Forget(m.ActorRef));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IVenue venue, VenueGatewaySettings settings) => Akka.Actor.Props.Create(() => new VenueGateway(venue, settings));

    protected override void PreStart() => Subscribe(resumed: false);

    protected override void PostStop()
    {
        _stream.Cancel();
        _stream.Dispose();
    }

    private void Pace(object request)
    {
        if (_waiting.Count == 0 && TryTakeToken())
        {
            Execute(request, Sender);
            return;
        }

        _waiting.Enqueue((request, Sender));
        ArmDrain();
    }

    private void Drain()
    {
        while (_waiting.Count > 0 && TryTakeToken())
        {
            var (request, sender) = _waiting.Dequeue();
            Execute(request, sender);
        }

        ArmDrain();
    }

    private void ArmDrain()
    {
        if (_waiting.Count > 0 && !Timers.IsTimerActive(DrainWaiting.Instance))
        {
            var wait = TimeSpan.FromTicks((long)Math.Ceiling((1m - _tokens) / _settings.RequestsPerSecond * TimeSpan.TicksPerSecond));
            Timers.StartSingleTimer(DrainWaiting.Instance, DrainWaiting.Instance, wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1));
        }
    }

    private bool TryTakeToken()
    {
        var now = Context.System.Scheduler.Now;
        var earned = (decimal)(now - _refilledAt).Ticks / TimeSpan.TicksPerSecond * _settings.RequestsPerSecond;
        _tokens = Math.Min(_settings.Burst, _tokens + earned);
        _refilledAt = now;
        if (_tokens < 1m)
        {
            return false;
        }

        _tokens -= 1m;
        return true;
    }

    private void Execute(object request, IActorRef sender)
    {
        switch (request)
        {
            case PlaceOrder place:
                Route(place.Request.ClientOrderId, sender);
                VenueCall.PipeTo(_venue.PlaceOrderAsync(place.Request, CancellationToken.None), sender,
                    ack => new OrderPlaced(place.Request.ClientOrderId, ack),
                    error => error.OutcomeUnknown || error is DuplicateClientOrderIdException
                        ? new OrderOutcomeUnknown(place.Request.ClientOrderId, error)
                        : new OrderRefused(place.Request.ClientOrderId, error));
                break;
            case CancelOrder cancel:
                VenueCall.PipeTo(_venue.CancelOrderAsync(cancel.ClientOrderId, CancellationToken.None), sender,
                    _ => new CancelAnswered(cancel.ClientOrderId, null),
                    error => new CancelAnswered(cancel.ClientOrderId, error));
                break;
            case QueryOrder query:
                Route(query.ClientOrderId, sender);
                VenueCall.PipeTo(_venue.GetOrderAsync(query.ClientOrderId, CancellationToken.None), sender,
                    order => new OrderQueried(query.ClientOrderId, order, null),
                    error => error is UnknownOrderException
                        ? new OrderQueried(query.ClientOrderId, null, null)
                        : new OrderQueried(query.ClientOrderId, null, error));
                break;
            case FetchMarket fetch:
                FetchMarketState(fetch, sender);
                break;
            case FetchBook fetch:
                VenueCall.PipeTo(_venue.GetOrderBookAsync(fetch.Symbol, fetch.Depth, CancellationToken.None), sender,
                    book => new BookFetched(_venue.Id, book),
                    error => new MarketFetchFailed(_venue.Id, fetch.Symbol, error));
                break;
            case FetchFundingHistory history:
                VenueCall.PipeTo(_venue.GetFundingHistoryAsync(history.Symbol, history.Since, CancellationToken.None), sender,
                    payments => new FundingHistoryFetched(_venue.Id, history.Symbol, payments),
                    error => new FundingHistoryFailed(_venue.Id, history.Symbol, error));
                break;
            case FetchInstruments:
                VenueCall.PipeTo(_venue.GetInstrumentsAsync(CancellationToken.None), sender,
                    instruments => new InstrumentsFetched(_venue.Id, instruments),
                    error => new InstrumentsFetchFailed(_venue.Id, error));
                break;
        }
    }

    // Funding and book are requested together, so the two answers describe one moment and cost one hand-off.
    private void FetchMarketState(FetchMarket fetch, IActorRef sender) =>
        VenueCall.PipeTo(_venue.GetFundingAsync(fetch.Symbol, CancellationToken.None), _venue.GetOrderBookAsync(fetch.Symbol, fetch.Depth, CancellationToken.None),
            sender,
            (funding, book) => new MarketFetched(_venue.Id, funding, book),
            error => new MarketFetchFailed(_venue.Id, fetch.Symbol, error));

    private void Route(ClientOrderId clientOrderId, IActorRef owner)
    {
        if (_routes.TryGetValue(clientOrderId, out var previous) && previous.Equals(owner))
        {
            return;
        }

        _routes[clientOrderId] = owner;
        Context.Watch(owner);
    }

    private void Route(UserEvent userEvent)
    {
        var gap = _lastSequence != 0 && userEvent.Sequence != _lastSequence + 1;
        _lastSequence = userEvent.Sequence;
        switch (userEvent)
        {
            case OrderFilled filled when _routes.TryGetValue(filled.Fill.ClientOrderId, out var owner):
                owner.Tell(new VenueOrderEvent(filled));
                break;
            case OrderUpdated updated when _routes.TryGetValue(updated.ClientOrderId, out var owner):
                owner.Tell(new VenueOrderEvent(updated));
                break;
            case FundingSettled settled when _fundingSubscribers.TryGetValue(settled.Payment.Symbol, out var subscribers):
                foreach (var subscriber in subscribers)
                {
                    subscriber.Tell(settled);
                }

                break;
        }

        if (gap)
        {
            TellRoutedToReconcile();
        }
    }

    private void Subscribe(bool resumed)
    {
        _stream.Cancel();
        _stream.Dispose();
        _stream = new CancellationTokenSource();
        var generation = ++_streamGeneration;
        _lastSequence = 0;
        _ = PumpAsync(_venue.StreamUserEventsAsync(_stream.Token), Self, generation, _stream.Token);
        if (resumed)
        {
            TellRoutedToReconcile();
        }
    }

    private void OnStreamEnded(Exception? error)
    {
        if (error is null or VenueException)
        {
            Context.GetLogger().Warning("{Venue}: user stream ended ({Reason}); resubscribing in {Backoff}", _venue.Id, error?.Message ?? "closed", _reconnectBackoff);
        }
        else
        {
            Context.GetLogger().Error(error, "{Venue}: user stream failed; resubscribing in {Backoff}", _venue.Id, _reconnectBackoff);
        }

        Timers.StartSingleTimer(Reconnect.Instance, Reconnect.Instance, _reconnectBackoff);
        _reconnectBackoff = TimeSpan.FromTicks(Math.Min(_reconnectBackoff.Ticks * 2, _settings.ReconnectMaxBackoff.Ticks));
    }

    private void TellRoutedToReconcile()
    {
        foreach (var owner in _routes.Values.Concat(_fundingSubscribers.Values.SelectMany(s => s)).Distinct())
        {
            owner.Tell(new UserStreamResumed(_venue.Id));
        }
    }

    private void SubscribeToFunding(Symbol symbol, IActorRef subscriber)
    {
        if (!_fundingSubscribers.TryGetValue(symbol, out var subscribers))
        {
            _fundingSubscribers[symbol] = subscribers = [];
        }

        subscribers.Add(subscriber);
        Context.Watch(subscriber);
    }

    private void UnsubscribeFromFunding(Symbol symbol, IActorRef subscriber)
    {
        if (_fundingSubscribers.TryGetValue(symbol, out var subscribers))
        {
            subscribers.Remove(subscriber);
        }
    }

    private void Forget(IActorRef stopped)
    {
        foreach (var id in _routes.Where(r => r.Value.Equals(stopped)).Select(r => r.Key).ToArray())
        {
            _routes.Remove(id);
        }

        foreach (var subscribers in _fundingSubscribers.Values)
        {
            subscribers.Remove(stopped);
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<UserEvent> stream, IActorRef gateway, int generation, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var userEvent in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                gateway.Tell(new StreamItem(generation, userEvent), ActorRefs.NoSender);
            }

            gateway.Tell(new StreamEnded(generation, null), ActorRefs.NoSender);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The gateway stopped or resubscribed; this generation is over.
        }
        catch (Exception error)
        {
            // A venue's error is a drop; anything else is a fault the gateway must log, and either way it resubscribes
            // and has the orders read back, so a stream never ends unheard.
            gateway.Tell(new StreamEnded(generation, error), ActorRefs.NoSender);
        }
    }

    private sealed record StreamItem(int Generation, UserEvent Event);

    private sealed record StreamEnded(int Generation, Exception? Error);

    private sealed record Reconnect
    {
        public static Reconnect Instance { get; } = new();
    }

    private sealed record DrainWaiting
    {
        public static DrainWaiting Instance { get; } = new();
    }
}
