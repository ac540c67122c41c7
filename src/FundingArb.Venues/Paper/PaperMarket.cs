using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Paper;

// Consumption: what paper takers took from the live book is remembered per level price for as long as the venue
// publishes the same book (same Sequence); the venue's next book replaces it whole, as the simulator's generated book
// refills at every step. Paper orders never reach the venue, so its book never shows them.

/// The paper account's view of one market: the venue's latest book and funding, what paper orders took from that
/// book, the resting paper orders and the position. Owned by its PaperVenue and touched only under the venue's lock.
internal sealed class PaperMarket
{
    private readonly Dictionary<decimal, decimal> _taken = [];

    public PaperMarket(Instrument instrument)
    {
        Instrument = instrument;
        Position = PositionHold.Empty(new PositionKey(instrument.Venue, instrument.Symbol), instrument.Quote);
    }

    public Instrument Instrument { get; }

    public PositionHold Position { get; set; }

    public OrderBookSnapshot? Book { get; private set; }

    /// The venue's latest funding report; the rate it carries is the one that settles at its NextFundingTime.
    public FundingInfo? Funding { get; set; }

    /// The venue's latest mark, from its funding or mark-price report, else the book's mid.
    public decimal? Mark { get; set; }

    /// Working paper limit orders by priority: buys highest price first, sells lowest first, then oldest first.
    public List<PaperOrder> RestingBuys { get; } = [];

    public List<PaperOrder> RestingSells { get; } = [];

    public bool HasResting => RestingBuys.Count > 0 || RestingSells.Count > 0;

    /// The mark if known, else the mid of the book.
    public decimal? MarkOrMid => Mark ?? (Book is { BestBid: { } bid, BestAsk: { } ask } ? (bid + ask) / 2m : null);

    /// Takes the venue's book unless it is older than the one held; a new book restores what paper takers consumed.
    public bool Observe(OrderBookSnapshot book)
    {
        if (Book is { } held && book.At < held.At)
        {
            return false;
        }

        if (Book is null || Book.Sequence != book.Sequence)
        {
            _taken.Clear();
        }

        Book = book;
        return true;
    }

    /// Levels on the side a taker of this side meets (asks for a buy), best first, with what is left of each.
    public IEnumerable<BookLevel> Opposite(bool buy)
    {
        if (Book is null)
        {
            yield break;
        }

        foreach (var level in buy ? Book.Asks : Book.Bids)
        {
            var left = level.Size - _taken.GetValueOrDefault(level.Price);
            if (left > 0m)
            {
                yield return level with { Size = left };
            }
        }
    }

    /// The best price left on the side a taker of this side meets, or null when it is empty.
    public decimal? Touch(bool buy) => Opposite(buy).Select(l => (decimal?)l.Price).FirstOrDefault();

    public void Take(decimal price, decimal quantity) => _taken[price] = _taken.GetValueOrDefault(price) + quantity;
}
