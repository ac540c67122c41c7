using System.Collections.Immutable;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Paper;

// Consumption: what paper takers took from the live book is remembered per level price for as long as the venue
// publishes the same book (same Sequence); the venue's next book replaces it whole, as the simulator's generated book
// refills at every step. Paper orders never reach the venue, so its book never shows them.

/// The paper account's view of one market: the venue's latest book and funding, what paper orders took from that
/// book, the resting paper orders and the position. Owned by its PaperVenue and touched only under the venue's lock.
internal sealed class PaperMarket : IMatchingBook
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

    /// The best price left on the side a taker of this side meets (asks for a buy), or null when it is empty.
    public decimal? Touch(bool buy)
    {
        var bid = !buy;
        for (var i = 0; i < Count(bid); i++)
        {
            if (Available(bid, i) > 0m)
            {
                return LevelPrice(bid, i);
            }
        }

        return null;
    }

    public int Count(bool bid) => Book is null ? 0 : Levels(bid).Length;

    public decimal LevelPrice(bool bid, int index) => Levels(bid)[index].Price;

    public decimal Available(bool bid, int index)
    {
        var level = Levels(bid)[index];
        return level.Size - _taken.GetValueOrDefault(level.Price);
    }

    public void Take(bool bid, int index, decimal quantity)
    {
        var price = Levels(bid)[index].Price;
        _taken[price] = _taken.GetValueOrDefault(price) + quantity;
    }

    private ImmutableArray<BookLevel> Levels(bool bid) => bid ? Book!.Bids : Book!.Asks;
}
