using System.Collections.Immutable;
using FundingArb.Actors.Venues;
using Akka.Actor;
using Akka.Event;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Markets;

// Markets are kept in (venue, symbol) order so that a snapshot, and every decision made from it, is the same on
// every run. A market whose fetch fails keeps its last quote; the quote carries its own time for staleness checks.
// A refresh fetches every market in ordinal (venue, symbol) order. Both orders change only when a market is first
// seen, so they are kept sorted then, not at every refresh or quote (30 quotes every 5 s in the month scenario).

/// Funding rates, marks and books of every instrument of every venue, refreshed on a timer through the gateways
/// and pushed to subscribers.
public sealed class MarketData : ReceiveActor, IWithTimers
{
    private readonly ImmutableSortedDictionary<VenueId, IActorRef> _gateways;
    private readonly MarketDataSettings _settings;
    private readonly Dictionary<(VenueId, Symbol), MarketQuote> _quotes = [];
    private readonly SortedDictionary<(string Venue, string Symbol), (VenueId, Symbol)> _snapshotOrder = [];
    private readonly Dictionary<(VenueId, Symbol), Instrument> _instruments = [];
    private readonly Dictionary<(VenueId, Symbol), HashSet<IActorRef>> _subscribers = [];
    private readonly HashSet<IActorRef> _allSubscribers = [];
    private (VenueId Venue, Symbol Symbol)[] _refreshOrder = [];
    private DateTimeOffset _idleRefreshedAt;

    public MarketData(IReadOnlyDictionary<VenueId, IActorRef> gateways, MarketDataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(settings);
        _gateways = gateways.ToImmutableSortedDictionary(p => p.Key, p => p.Value, Comparer<VenueId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        _settings = settings;

        Receive<InstrumentsFetched>(OnInstruments);
        Receive<InstrumentsFetchFailed>(OnInstrumentsFailed);
        Receive<RetryInstruments>(m => _gateways[m.Venue].Tell(FetchInstruments.Instance, Self));
        Receive<Refresh>(_ => RefreshAll());
        Receive<MarketFetched>(OnMarket);
        Receive<MarketFetchFailed>(m => Context.GetLogger().Debug("{Venue} {Symbol}: market fetch failed: {Error}", m.Venue, m.Symbol, m.Error.Message));
        Receive<GetMarketSnapshot>(_ => Sender.Tell(new MarketSnapshot([.. _snapshotOrder.Values.Select(k => _quotes[k])], Context.System.Scheduler.Now)));
        Receive<SubscribeMarket>(m => Subscribe(m, Sender));
        Receive<UnsubscribeMarket>(m => _subscribers.GetValueOrDefault((m.Venue, m.Symbol))?.Remove(Sender));
        Receive<SubscribeAllMarkets>(_ =>
        {
            _allSubscribers.Add(Sender);
            Context.Watch(Sender);
        });
        Receive<Terminated>(m => Forget(m.ActorRef));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IReadOnlyDictionary<VenueId, IActorRef> gateways, MarketDataSettings settings) =>
        Akka.Actor.Props.Create(() => new MarketData(gateways, settings));

    protected override void PreStart()
    {
        foreach (var gateway in _gateways.Values)
        {
            gateway.Tell(FetchInstruments.Instance, Self);
        }

        _idleRefreshedAt = Context.System.Scheduler.Now;
        Timers.StartPeriodicTimer(Refresh.Instance, Refresh.Instance, _settings.RefreshInterval);
    }

    private void OnInstruments(InstrumentsFetched fetched)
    {
        foreach (var instrument in fetched.Instruments)
        {
            _instruments[(instrument.Venue, instrument.Symbol)] = instrument;
            _gateways[instrument.Venue].Tell(new FetchMarket(instrument.Symbol, _settings.BookDepth), Self);
        }

        _refreshOrder = [.. _instruments.Keys.OrderBy(k => k.Item1.Value, StringComparer.Ordinal).ThenBy(k => k.Item2.Value, StringComparer.Ordinal)];
    }

    // A venue that is down when the node starts would otherwise have no markets until the next start.
    private void OnInstrumentsFailed(InstrumentsFetchFailed failed)
    {
        Context.GetLogger().Warning("{Venue}: instruments unavailable ({Error}); asking again in {Interval}", failed.Venue, failed.Error.Message,
            _settings.RefreshInterval);
        Timers.StartSingleTimer(new RetryInstruments(failed.Venue), new RetryInstruments(failed.Venue), _settings.RefreshInterval);
    }

    private void RefreshAll()
    {
        var now = Context.System.Scheduler.Now;
        var idleDue = now - _idleRefreshedAt >= _settings.IdleRefreshInterval;
        if (idleDue)
        {
            _idleRefreshedAt = now;
        }

        foreach (var (venue, symbol) in _refreshOrder)
        {
            if (idleDue || _allSubscribers.Count > 0 || (_subscribers.TryGetValue((venue, symbol), out var subscribers) && subscribers.Count > 0))
            {
                _gateways[venue].Tell(new FetchMarket(symbol, _settings.BookDepth), Self);
            }
        }
    }

    private void OnMarket(MarketFetched fetched)
    {
        var key = (fetched.Venue, fetched.Funding.Symbol);
        if (!_instruments.TryGetValue(key, out var instrument))
        {
            return;
        }

        var quote = new MarketQuote(instrument, fetched.Funding, fetched.Book);
        if (_quotes.TryAdd(key, quote))
        {
            _snapshotOrder.Add((key.Venue.Value, key.Symbol.Value), key);
        }
        else
        {
            _quotes[key] = quote;
        }

        var update = new MarketUpdated(quote);
        if (_subscribers.TryGetValue(key, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Tell(update);
            }
        }

        foreach (var subscriber in _allSubscribers)
        {
            subscriber.Tell(update);
        }
    }

    private void Subscribe(SubscribeMarket subscribe, IActorRef subscriber)
    {
        var key = (subscribe.Venue, subscribe.Symbol);
        if (!_subscribers.TryGetValue(key, out var subscribers))
        {
            _subscribers[key] = subscribers = [];
        }

        subscribers.Add(subscriber);
        Context.Watch(subscriber);
        if (_quotes.TryGetValue(key, out var quote))
        {
            subscriber.Tell(new MarketUpdated(quote));
        }
    }

    private void Forget(IActorRef stopped)
    {
        _allSubscribers.Remove(stopped);
        foreach (var subscribers in _subscribers.Values)
        {
            subscribers.Remove(stopped);
        }
    }

    private sealed record Refresh
    {
        public static Refresh Instance { get; } = new();
    }

    private sealed record RetryInstruments(VenueId Venue);
}
