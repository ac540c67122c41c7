using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Simulation;

// Threading: the venue is a monitor. Every public member and every timer callback takes _gate, first brings the
// venue up to the provider's present (CatchUp runs each scheduled work whose time has come, in time order), then
// acts. All state below is touched only under _gate. Request tasks continue asynchronously; stream readers continue
// synchronously on the venue's thread (so a simulation reads streams deterministically) and may therefore only hand
// items on, never call back into the venue from their loop (the monitor would let them in mid-step).
//
// Time: one timer, armed for the earliest scheduled work. On a VirtualClock everything happens at its exact instant
// and in a fixed order (time, then phase, then scheduling order), so a scenario and seed give the same events to the
// last decimal; on the system clock a late timer only delays work, never reorders it.

/// A perpetual-futures venue simulated on an injected TimeProvider: markets that move, books that slip, funding that
/// settles at each market's own interval, margin, fees, latency and scheduled faults (docs/venues.md).
public sealed partial class SimulatedVenue : IVenue, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatedVenueSettings _settings;
    private readonly long _latencyTicks;
    private readonly MarketState[] _markets;
    private readonly Dictionary<Symbol, MarketState> _marketsBySymbol = [];
    private readonly ImmutableArray<Instrument> _instruments;
    private readonly Asset[] _pools;
    private readonly Dictionary<Asset, decimal> _wallets = [];
    private readonly Dictionary<Asset, decimal> _insurance = [];
    private readonly ITimer _timer;
    private long _nowTicks;
    private int _openPositions;
    private long _netPositionChanges;
    private bool _disposed;

    public SimulatedVenue(SimulatedVenueSettings settings, IEnumerable<MarketSettings> markets, IEnumerable<VenueFault> faults, long seed,
        TimeProvider timeProvider)
        : this(settings, markets, faults, seed, timeProvider, (timeProvider ?? throw new ArgumentNullException(nameof(timeProvider))).GetUtcNow().UtcTicks)
    {
        lock (_gate)
        {
            ScheduleStart();
            Rearm();
        }
    }

    private SimulatedVenue(SimulatedVenueSettings settings, IEnumerable<MarketSettings> markets, IEnumerable<VenueFault> faults, long seed,
        TimeProvider timeProvider, long startTicks)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(faults);
        settings.Validate();
        _settings = settings;
        _time = timeProvider;
        _latencyTicks = settings.Latency.Ticks;
        _nowTicks = startTicks;
        Seed = seed;

        var states = new List<MarketState>();
        foreach (var market in markets)
        {
            ArgumentNullException.ThrowIfNull(market, nameof(markets));
            market.Validate(settings.FundingInterval);
            if (market.Instrument.Venue != settings.Id)
            {
                throw new ArgumentException($"Market {market.Instrument.Symbol} belongs to {market.Instrument.Venue}, not {settings.Id}.", nameof(markets));
            }

            var state = new MarketState(market, settings.FundingInterval, settings.Step, seed, _nowTicks);
            if (!_marketsBySymbol.TryAdd(market.Instrument.Symbol, state))
            {
                throw new ArgumentException($"Market {market.Instrument.Symbol} is listed twice on {settings.Id}.", nameof(markets));
            }

            states.Add(state);
        }

        _markets = [.. states];
        _instruments = [.. _markets.Select(m => m.Instrument)];
        _pools = [.. _markets.Select(m => m.Instrument.Quote).Distinct()];
        foreach (var balance in settings.Balances)
        {
            _wallets[balance.Asset] = _wallets.GetValueOrDefault(balance.Asset) + balance.Amount;
        }

        foreach (var pool in _pools)
        {
            _wallets.TryAdd(pool, 0m);
        }

        _faults = [.. faults];
        _scheduledFaults = _faults.Length;
        _faultRemaining = [.. _faults.Select(f => f.InitialCount)];
        _timer = timeProvider.CreateTimer(static state => ((SimulatedVenue)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public VenueId Id => _settings.Id;

    public SimulatedVenueSettings Settings => _settings;

    public long Seed { get; }

    /// The venue's present: the time of the work it is doing, or the provider's time when idle.
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                CatchUp();
                return At;
            }
        }
    }

    private DateTimeOffset At => new(_nowTicks, TimeSpan.Zero);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            FailSubscriptions(new ObjectDisposedException(nameof(SimulatedVenue)));
        }

        _timer.Dispose();
    }

    private void ScheduleStart()
    {
        _nextStepTicks = _nowTicks + _settings.Step.Ticks;
        Schedule(_nextStepTicks, WorkPhase.MarketStep, new MarketStepWork());
        foreach (var market in _markets)
        {
            ScheduleSettlement(market);
            ScheduleIntervalChange(market);
        }

        ScheduleConnectionWork();
    }

    private MarketState Market(Symbol symbol) =>
        _marketsBySymbol.TryGetValue(symbol, out var market)
            ? market
            : throw new ArgumentException($"{Id} lists no market {symbol}.", nameof(symbol));

    private decimal Wallet(Asset asset) => _wallets.GetValueOrDefault(asset);

    // A wallet never goes below zero: a shortfall (a loss beyond equity between two liquidation checks) is charged
    // to the venue's insurance fund and reported, as venues do after a bankrupt liquidation.
    private decimal AdjustWallet(Asset asset, decimal delta)
    {
        var balance = Wallet(asset) + delta;
        var cover = 0m;
        if (balance < 0m)
        {
            cover = -balance;
            _insurance[asset] = _insurance.GetValueOrDefault(asset) + cover;
            balance = 0m;
        }

        _wallets[asset] = balance;
        return cover;
    }

    private void TrackOpenPositions(decimal before, decimal after)
    {
        if (before != after)
        {
            _netPositionChanges++;
        }

        if (before == 0m && after != 0m)
        {
            _openPositions++;
        }
        else if (before != 0m && after == 0m)
        {
            _openPositions--;
        }
    }

    private FundingInfo FundingOf(MarketState market) => new(
        Id,
        market.Instrument.Symbol,
        new FundingRate(market.Funding.Current, market.Interval),
        market.Funding.PredictNext(market.Interval),
        new DateTimeOffset(market.NextSettlementTicks, TimeSpan.Zero),
        market.Mark,
        market.Index,
        _settings.FundingBasis,
        At);
}
