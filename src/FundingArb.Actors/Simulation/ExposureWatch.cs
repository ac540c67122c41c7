using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Simulation;

// A position counts as unhedged when an asset's net base size across venues is at least half the coarsest step of
// its markets: smaller remainders are rounding that no order could close. While every asset is hedged, the exposure is
// zero whatever the prices do, so a sample changes nothing until some venue's net positions change.

/// Watches the net position per asset across simulated venues, sample by sample.
internal sealed class ExposureWatch
{
    private readonly IReadOnlyList<SimulatedVenue> _venues;
    private readonly Dictionary<(VenueId, Symbol), Asset> _assets = [];
    private readonly Dictionary<Asset, decimal> _tolerance = [];
    private readonly Dictionary<Asset, (decimal Base, SimulatedVenue PricedBy, Symbol Symbol)> _net = [];
    private readonly long[] _positionChangesSeen;
    private decimal _max;
    private TimeSpan _longest;
    private DateTimeOffset? _unhedgedSince;
    private decimal _last;

    public ExposureWatch(IReadOnlyList<SimulatedVenue> venues, IEnumerable<Instrument> instruments)
    {
        _venues = venues;
        _positionChangesSeen = new long[venues.Count];
        Array.Fill(_positionChangesSeen, -1L); // no count a venue reports, so the first sample always looks
        foreach (var instrument in instruments)
        {
            _assets[(instrument.Venue, instrument.Symbol)] = instrument.Base;
            _tolerance[instrument.Base] = Math.Max(_tolerance.GetValueOrDefault(instrument.Base), instrument.Rules.BaseStep / 2m);
        }
    }

    // Called at every instant the run stops at, so it reuses one table and asks a venue for a mid only for
    // an asset that is actually unhedged (the first venue listing the asset prices it, as before).
    public void Sample(DateTimeOffset now)
    {
        if (!PositionsChanged() && _last == 0m)
        {
            return;
        }

        _net.Clear();
        foreach (var venue in _venues)
        {
            foreach (var position in venue.Positions)
            {
                var asset = _assets[(position.Key.Venue, position.Key.Symbol)];
                _net[asset] = _net.TryGetValue(asset, out var known)
                    ? known with { Base = known.Base + position.NetQuantity }
                    : (position.NetQuantity, venue, position.Key.Symbol);
            }
        }

        _last = 0m;
        foreach (var (asset, (size, venue, symbol)) in _net)
        {
            if (Math.Abs(size) >= _tolerance[asset])
            {
                _last += Math.Abs(size) * venue.Mid(symbol);
            }
        }

        _max = Math.Max(_max, _last);
        if (_last > 0m)
        {
            _unhedgedSince ??= now;
            _longest = Max(_longest, now - _unhedgedSince.Value);
        }
        else
        {
            _unhedgedSince = null;
        }
    }

    public UnhedgedExposure Result() => new(_max, _longest, _last);

    /// Reads every venue's change count, so that each is up to date for the next sample.
    private bool PositionsChanged()
    {
        var changed = false;
        for (var i = 0; i < _venues.Count; i++)
        {
            var changes = _venues[i].NetPositionChanges;
            if (changes != _positionChangesSeen[i])
            {
                _positionChangesSeen[i] = changes;
                changed = true;
            }
        }

        return changed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
