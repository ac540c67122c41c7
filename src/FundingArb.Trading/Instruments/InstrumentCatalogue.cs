using System.Collections.Immutable;

namespace FundingArb.Trading.Instruments;

/// Every market of every venue known here, by venue and symbol. A venue absent from it is not one of ours.
public sealed class InstrumentCatalogue
{
    private readonly ImmutableDictionary<VenueId, ImmutableDictionary<Symbol, Instrument>> _venues;

    private InstrumentCatalogue(ImmutableDictionary<VenueId, ImmutableDictionary<Symbol, Instrument>> venues) => _venues = venues;

    public static InstrumentCatalogue Empty { get; } = new(ImmutableDictionary<VenueId, ImmutableDictionary<Symbol, Instrument>>.Empty);

    public IEnumerable<VenueId> Venues => _venues.Keys;

    public bool HasVenue(VenueId venue) => _venues.ContainsKey(venue);

    public Instrument? Find(VenueId venue, Symbol symbol) =>
        _venues.TryGetValue(venue, out var markets) && markets.TryGetValue(symbol, out var instrument) ? instrument : null;

    /// This catalogue with the venue's markets replaced by Instruments (all of them of that venue).
    public InstrumentCatalogue With(VenueId venue, IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var markets = instruments.ToImmutableDictionary(i => i.Symbol);
        if (markets.Values.FirstOrDefault(i => i.Venue != venue) is { } stray)
        {
            throw new ArgumentException($"{stray.Symbol} belongs to {stray.Venue}, not {venue}.", nameof(instruments));
        }

        return new InstrumentCatalogue(_venues.SetItem(venue, markets));
    }
}
