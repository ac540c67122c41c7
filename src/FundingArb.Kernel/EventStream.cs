using System.Collections.Concurrent;
using System.Collections.Immutable;
using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// The system's publish-subscribe bus: subscribers receive every published event assignable to the channel
/// type they subscribed to. Logging, dead letters and unhandled messages travel on it. A local actor is
/// unsubscribed when it stops.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Akka.NET's name for the system bus; it is not a System.IO.Stream.")]
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Type, IActorRef[]> _subscribersByType = new();
    private ImmutableArray<Subscription> _subscriptions = [];
    private long _version;

    /// <summary>Subscribes to <paramref name="channel"/> and its subtypes; false when already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var subscription = new Subscription(channel, subscriber);
            if (_subscriptions.Contains(subscription))
            {
                return false;
            }

            _subscriptions = _subscriptions.Add(subscription);
            _version++;
            _subscribersByType.Clear();
        }

        if (subscriber is LocalActorRef local && !local.Cell.MarkSubscribedToEventStream())
        {
            // The subscriber has already stopped: kept, it would turn every event on the channel into a dead letter.
            Unsubscribe(subscriber);
        }

        return true;
    }

    /// <summary>Ends one subscription; false when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return RemoveWhere(s => s.Channel == channel && s.Subscriber.Equals(subscriber));
    }

    /// <summary>Ends every subscription of <paramref name="subscriber"/>; false when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return RemoveWhere(s => s.Subscriber.Equals(subscriber));
    }

    /// <summary>Tells <paramref name="event"/> to every matching subscriber, with no sender.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var eventType = @event.GetType();
        var subscribers = _subscribersByType.TryGetValue(eventType, out var cached) ? cached : FindSubscribers(eventType);
        foreach (var subscriber in subscribers)
        {
            subscriber.Tell(@event, ActorRefs.NoSender);
        }
    }

    /// <summary>
    /// Computes the subscribers outside the gate and caches them only if no subscription changed meanwhile:
    /// a list computed before a Subscribe must not be cached after it, or the new subscriber would never be found.
    /// </summary>
    private IActorRef[] FindSubscribers(Type eventType)
    {
        ImmutableArray<Subscription> subscriptions;
        long version;
        lock (_gate)
        {
            subscriptions = _subscriptions;
            version = _version;
        }

        IActorRef[] found = [.. subscriptions.Where(s => s.Channel.IsAssignableFrom(eventType)).Select(s => s.Subscriber).Distinct()];
        lock (_gate)
        {
            if (version == _version)
            {
                _subscribersByType.TryAdd(eventType, found);
            }
        }

        return found;
    }

    private bool RemoveWhere(Func<Subscription, bool> predicate)
    {
        lock (_gate)
        {
            var remaining = _subscriptions.RemoveAll(s => predicate(s));
            if (remaining.Length == _subscriptions.Length)
            {
                return false;
            }

            _subscriptions = remaining;
            _version++;
            _subscribersByType.Clear();
            return true;
        }
    }

    private readonly record struct Subscription(Type Channel, IActorRef Subscriber);
}
