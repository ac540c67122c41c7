using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Simulation;

// Readers continue on the venue's own thread (synchronous continuations): on a virtual clock an item reaches its
// reader inside the Advance that produced it, in venue order, so a simulation reads the same stream on every run.
// A reader must therefore hand items on (an actor's Tell) rather than call back into the venue from its loop.
//
// Every user event is logged when it happens and delivered one latency later (later still for a late fill) to the
// subscriptions open at delivery. While the connection is down nothing is delivered and nothing is replayed after:
// a reader sees the gap in Sequence and reconciles. Books are published at every market step to their readers.

public sealed partial class SimulatedVenue
{
    private const int BookStreamCapacity = 16;

    private readonly List<UserEvent> _eventLog = [];
    private readonly List<VenueSubscription<UserEvent>> _userSubscriptions = [];
    private readonly List<BookSubscription> _bookSubscriptions = [];
    private long _eventSequence;

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken)
    {
        var subscription = new VenueSubscription<UserEvent>(
            Channel.CreateUnbounded<UserEvent>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true }),
            s => Unsubscribe(_userSubscriptions, s), cancellationToken);
        lock (_gate)
        {
            CatchUp();
            if (IsDisconnected)
            {
                subscription.Fail(new VenueUnavailableException(Id));
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                _userSubscriptions.Add(subscription);
            }
        }

        return subscription;
    }

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        var channel = Channel.CreateBounded<OrderBookSnapshot>(
            new BoundedChannelOptions(BookStreamCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, AllowSynchronousContinuations = true,
            });
        BookSubscription? entry = null;
        var subscription = new VenueSubscription<OrderBookSnapshot>(channel, _ => Unsubscribe(_bookSubscriptions, entry!), cancellationToken);
        lock (_gate)
        {
            CatchUp();
            entry = new BookSubscription(Market(symbol), depth, subscription);
            if (IsDisconnected)
            {
                subscription.Fail(new VenueUnavailableException(Id));
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                _bookSubscriptions.Add(entry);
                subscription.TryWrite(Snapshot(entry.Market, depth));
            }
        }

        return subscription;
    }

    private long NextEventSequence() => ++_eventSequence;

    private void Emit(UserEvent userEvent, long extraDelayTicks = 0)
    {
        _eventLog.Add(userEvent);
        var delay = _latencyTicks + extraDelayTicks;
        if (delay == 0)
        {
            Deliver(userEvent);
        }
        else
        {
            Schedule(_nowTicks + delay, WorkPhase.Delivery, new DeliveryWork(userEvent));
            Rearm();
        }
    }

    private void Deliver(UserEvent userEvent)
    {
        if (IsDisconnected)
        {
            return;
        }

        foreach (var subscription in _userSubscriptions)
        {
            subscription.TryWrite(userEvent);
        }
    }

    private void PublishBooks()
    {
        foreach (var entry in _bookSubscriptions)
        {
            entry.Subscription.TryWrite(Snapshot(entry.Market, entry.Depth));
        }
    }

    private OrderBookSnapshot Snapshot(MarketState market, int depth) =>
        new(Id, market.Instrument.Symbol, market.Book.Top(bid: true, depth), market.Book.Top(bid: false, depth), market.Book.Sequence, At);

    private void FailSubscriptions(Exception error)
    {
        foreach (var subscription in _userSubscriptions.ToArray())
        {
            subscription.Fail(error);
        }

        foreach (var entry in _bookSubscriptions.ToArray())
        {
            entry.Subscription.Fail(error);
        }

        _userSubscriptions.Clear();
        _bookSubscriptions.Clear();
    }

    private void Unsubscribe<T>(List<T> subscriptions, T subscription)
    {
        lock (_gate)
        {
            subscriptions.Remove(subscription);
        }
    }

    private sealed record BookSubscription(MarketState Market, int Depth, VenueSubscription<OrderBookSnapshot> Subscription);
}
