using System.Collections.Immutable;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Simulation;

/// Everything the venue knows about one market: processes, book, funding schedule, resting orders, position.
/// Owned by its SimulatedVenue and touched only under the venue's lock.
internal sealed class MarketState
{
    public MarketState(MarketSettings settings, TimeSpan venueInterval, TimeSpan step, long seed, long startTicks)
    {
        Settings = settings;
        Instrument = settings.Instrument;
        Rules = Instrument.Rules;
        var venue = Instrument.Venue.Value;
        var symbol = Instrument.Symbol.Value;
        PriceRandom = new SimRandom(settings.Price is RandomWalkModel { Stream: { } stream }
            ? SimRandom.DeriveSeed(seed, "stream", stream)
            : SimRandom.DeriveSeed(seed, venue, symbol, "price"));
        FundingRandom = new SimRandom(SimRandom.DeriveSeed(seed, venue, symbol, "funding"));
        Price = PriceProcess.Create(settings.Price, Rules.TickSize, step, PriceRandom, startTicks);
        Funding = FundingProcess.Create(settings.Funding, FundingRandom, startTicks);
        Book = new GeneratedBook(settings.Depth, settings.SpreadBps, Rules.TickSize, Rules.BaseStep);
        Book.MoveTo(Price.MidTicks);
        IntervalChanges = settings.IntervalChanges.IsDefault ? [] : settings.IntervalChanges;
        Interval = settings.FundingInterval ?? venueInterval;
        while (NextIntervalChange < IntervalChanges.Length && IntervalChanges[NextIntervalChange].At.UtcTicks <= startTicks)
        {
            Interval = IntervalChanges[NextIntervalChange++].Interval;
        }

        NextSettlementTicks = FundingGrid.NextAfter(startTicks, Interval.Ticks);
        Position = PositionHold.Empty(new PositionKey(Instrument.Venue, Instrument.Symbol), Instrument.Quote);
        IndexFactor = 1m - (settings.IndexBasisBps / 10_000m);
    }

    public MarketSettings Settings { get; }

    public Instrument Instrument { get; }

    public TradingRules Rules { get; }

    public SimRandom PriceRandom { get; }

    public SimRandom FundingRandom { get; }

    public PriceProcess Price { get; }

    public FundingProcess Funding { get; }

    public GeneratedBook Book { get; }

    public ImmutableArray<IntervalChange> IntervalChanges { get; }

    public int NextIntervalChange { get; set; }

    public TimeSpan Interval { get; set; }

    public long NextSettlementTicks { get; set; }

    public PositionHold Position { get; set; }

    /// Published books, for the stream's sequence numbers.
    public long BookSequence { get; set; }

    /// Working limit orders by priority: buys highest price first, sells lowest first, then oldest first.
    public List<OrderRecord> RestingBuys { get; } = [];

    public List<OrderRecord> RestingSells { get; } = [];

    public decimal IndexFactor { get; }

    public decimal Mid => Book.Price(Price.MidTicks);

    public decimal Mark => Mid;

    public decimal Index
    {
        get
        {
            var ticks = decimal.Round(Price.MidTicks * IndexFactor, MidpointRounding.ToEven);
            return Math.Max(1m, ticks) * Rules.TickSize;
        }
    }

    public decimal BasisPrice(PriceBasis basis) => basis == PriceBasis.Mark ? Mark : Index;

    public void Step(long utcTicks)
    {
        Price.Step(utcTicks);
        Funding.Advance(utcTicks);
        Book.MoveTo(Price.MidTicks);
    }

    public void RestoreRandom(IReadOnlyList<ulong> price, IReadOnlyList<ulong> funding)
    {
        PriceRandom.Restore(price);
        FundingRandom.Restore(funding);
    }
}
