using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Paper;

// Threading: the account is a monitor. Every member takes _gate for the account's state and never awaits under it:
// venue I/O (the book read at placement, marks, funding polls, the book streams) runs outside the lock and hands its
// answer in under it. User-stream readers continue asynchronously, so no reader's code runs under the lock.
//
// Time: the account stamps what happens with the venue's time (the latest At the venue reported), so fills, funding
// payments and the venue's own settlement times share one clock, whatever the local clock says.

/// A venue in paper mode: the connector's public market data (instruments, funding, marks, books and the book stream)
/// passed through, and every account and trading method answered by a local simulated account whose orders fill
/// against the venue's live book and whose positions pay funding at the venue's settlements, at its reported rate. No
/// request of the account reaches the venue, so it needs no API key (docs/venues.md "Paper mode").
public sealed partial class PaperVenue : IVenue, IDisposable
{
    private readonly Lock _gate = new();
    private readonly IVenue _market;
    private readonly PaperVenueSettings _settings;
    private readonly TimeProvider _time;
    private readonly Action<PaperVenueSnapshot>? _persist;
    private readonly Dictionary<Symbol, PaperMarket> _markets = [];
    private readonly Dictionary<Asset, decimal> _wallets = [];
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset? _venueNow;
    private bool _disposed;

    /// market: the connector whose public data the account trades on; the paper venue owns it and disposes it.
    /// saved: the account's state from a previous run (PaperStateStore), else it starts from settings.Balances.
    /// persist: hears the account's whole state after every change (an order, a fill, a settlement), under the lock.
    public PaperVenue(IVenue market, PaperVenueSettings settings, TimeProvider timeProvider, PaperVenueSnapshot? saved = null,
        Action<PaperVenueSnapshot>? persist = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        settings.Validate();
        _market = market;
        _settings = settings;
        _time = timeProvider;
        _persist = persist;
        if (saved is null)
        {
            foreach (var balance in settings.Balances)
            {
                _wallets[balance.Asset] = _wallets.GetValueOrDefault(balance.Asset) + balance.Amount;
            }
        }
        else
        {
            Import(saved);
        }

        _pollTimer = timeProvider.CreateTimer(static state => ((PaperVenue)state!).OnPollTimer(), this, settings.FundingPollInterval,
            settings.FundingPollInterval);
        lock (_gate)
        {
            foreach (var symbol in _markets.Where(m => m.Value.HasResting).Select(m => m.Key))
            {
                WatchBook(symbol);
            }
        }
    }

    public VenueId Id => _market.Id;

    private DateTimeOffset Now => _venueNow ?? _time.GetUtcNow();

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var subscription in _userSubscriptions.ToArray())
            {
                subscription.Fail(new ObjectDisposedException(nameof(PaperVenue)));
            }

            _userSubscriptions.Clear();
        }

        _pollTimer.Dispose();
        _stop.Cancel();
        _stop.Dispose();
        (_market as IDisposable)?.Dispose();
    }

    /// The account's market for an instrument of this venue, created the first time the account trades it.
    private PaperMarket MarketOf(Instrument instrument)
    {
        if (!_markets.TryGetValue(instrument.Symbol, out var market))
        {
            market = new PaperMarket(instrument);
            _markets.Add(instrument.Symbol, market);
        }

        return market;
    }

    private void ObserveTime(DateTimeOffset at)
    {
        if (_venueNow is not { } now || at > now)
        {
            _venueNow = at;
        }
    }

    private decimal Wallet(Asset asset) => _wallets.GetValueOrDefault(asset);

    private void AdjustWallet(Asset asset, decimal delta) => _wallets[asset] = Wallet(asset) + delta;

    private void Persist()
    {
        _persist?.Invoke(Export());
    }
}
