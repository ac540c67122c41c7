using System.Collections.Immutable;
using System.Diagnostics;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Venues.Simulation;

// Invariant: bid prices strictly decrease and ask prices strictly increase level by level, the best ask is above the
// best bid, and Taken never exceeds a level's size. The shape (each level's distance from the mid) is fixed; only the
// mid moves, so a step costs nothing here: the levels are materialised when first read after a step, and what takers
// consumed is restored at the next step (the book refills every step). Reading a level costs two decimal products, so
// a level is materialised only when a reader reaches it (a snapshot of the top ten reads ten of twenty), a step in
// which nobody took anything answers from the sizes alone, and a step that left the mid on the same tick (a coin
// priced in a few thousand ticks, most seconds) keeps the levels, and the snapshot arrays, of the step before.

/// A market's book around its mid: a fixed shape, materialised lazily, with per-step consumption.
internal sealed class GeneratedBook : IMatchingBook
{
    private const double Nudge = 1e-13;

    private readonly double[] _bidFactors;
    private readonly double[] _askFactors;
    private readonly decimal _tickSize;
    private readonly decimal _stepSize;
    private readonly double _tick;
    private readonly double _quotePerStep;
    private readonly BookLevel[] _bids;
    private readonly BookLevel[] _asks;
    private readonly long[] _bidTicks;
    private readonly long[] _askTicks;
    private readonly decimal[] _bidTaken;
    private readonly decimal[] _askTaken;
    private long _builtFor = -1;
    private long _builtMidTicks = -1;
    private long _version;
    private ImmutableArray<BookLevel> _topBids;
    private ImmutableArray<BookLevel> _topAsks;
    private int _bidsMaterialised;
    private int _asksMaterialised;
    private bool _anyTaken;

    public GeneratedBook(BookDepth depth, decimal spreadBps, decimal tickSize, decimal baseStep)
    {
        var levels = depth.Levels;
        var half = (double)spreadBps / 20_000.0;
        var spacing = (double)(depth.LevelSpacingBps ?? spreadBps) / 10_000.0;
        _bidFactors = new double[levels];
        _askFactors = new double[levels];
        for (var i = 0; i < levels; i++)
        {
            _bidFactors[i] = 1.0 - half - (i * spacing);
            _askFactors[i] = 1.0 + half + (i * spacing);
        }

        _tickSize = tickSize;
        _stepSize = baseStep;
        _tick = (double)tickSize;
        _quotePerStep = (double)(depth.QuotePerLevel / baseStep);
        _bids = new BookLevel[levels];
        _asks = new BookLevel[levels];
        _bidTicks = new long[levels];
        _askTicks = new long[levels];
        _bidTaken = new decimal[levels];
        _askTaken = new decimal[levels];
    }

    public int BidCount { get; private set; }

    public int AskCount { get; private set; }

    public long MidTicks { get; private set; } = 1;

    /// Moves the book to a new mid and refills it; O(1), the levels are rebuilt on the next read.
    public void MoveTo(long midTicks)
    {
        MidTicks = midTicks;
        _version++;
        Sequence++;
    }

    /// Increases whenever the book a reader would see changes: every step and every take.
    public long Sequence { get; private set; }

    /// The best prices of a full book at the current mid, without materialising it.
    public long BestBidTicksUntouched => Math.Min(BidTicks(0), MidTicks);

    public long BestAskTicksUntouched => Math.Max(AskTicks(0), BestBidTicksUntouched + 1);

    public decimal Price(long ticks) => ticks * _tickSize;

    /// Levels on a side (fewer bids than asked for when the mid is only a few ticks).
    public int Count(bool bid)
    {
        Build();
        return bid ? BidCount : AskCount;
    }

    public BookLevel Level(bool bid, int index)
    {
        Build();
        Materialise(bid, index + 1);
        return bid ? _bids[index] : _asks[index];
    }

    public long LevelTicks(bool bid, int index)
    {
        Build();
        return bid ? _bidTicks[index] : _askTicks[index];
    }

    public decimal LevelPrice(bool bid, int index) => Price(LevelTicks(bid, index));

    public decimal Available(bool bid, int index)
    {
        Build();
        Materialise(bid, index + 1);
        return bid ? _bids[index].Size - _bidTaken[index] : _asks[index].Size - _askTaken[index];
    }

    public void Take(bool bid, int index, decimal quantity)
    {
        Build();
        Materialise(bid, index + 1);
        var taken = bid ? _bidTaken : _askTaken;
        taken[index] += quantity;
        _anyTaken = true;
        Sequence++;
        Debug.Assert(taken[index] <= (bid ? _bids : _asks)[index].Size, "a level never gives more than it holds");
    }

    /// The best price on a side with anything left this step, or null when the side is exhausted.
    public long? BestTicks(bool bid)
    {
        Build();
        var count = bid ? BidCount : AskCount;
        if (!_anyTaken)
        {
            return count > 0 ? (bid ? _bidTicks[0] : _askTicks[0]) : null;
        }

        for (var i = 0; i < count; i++)
        {
            if (Available(bid, i) > 0m)
            {
                return bid ? _bidTicks[i] : _askTicks[i];
            }
        }

        return null;
    }

    /// Up to depth levels with what is left of them this step, best first.
    public ImmutableArray<BookLevel> Top(bool bid, int depth)
    {
        Build();
        var count = bid ? BidCount : AskCount;
        if (!_anyTaken)
        {
            // Every level is whole (a size is at least one step), so the top is the first levels as built; Size - 0m
            // is Size to the last digit of its scale, so this is the slow path's answer.
            var top = Math.Min(depth, count);
            ref var cached = ref bid ? ref _topBids : ref _topAsks;
            if (cached.IsDefault || cached.Length != top)
            {
                Materialise(bid, top);
                cached = ImmutableArray.Create((bid ? _bids : _asks).AsSpan(0, top));
            }

            return cached;
        }

        var levels = ImmutableArray.CreateBuilder<BookLevel>(depth);
        for (var i = 0; i < count && levels.Count < depth; i++)
        {
            var left = Available(bid, i);
            if (left > 0m)
            {
                levels.Add(new BookLevel(bid ? _bids[i].Price : _asks[i].Price, left));
            }
        }

        return levels.ToImmutable();
    }

    /// The consumption of the current step, for a snapshot.
    public (decimal[] Bids, decimal[] Asks) Taken
    {
        get
        {
            Build();
            return ([.. _bidTaken.AsSpan(0, BidCount)], [.. _askTaken.AsSpan(0, AskCount)]);
        }
    }

    public void Restore(long midTicks, long sequence, IReadOnlyList<decimal> bidsTaken, IReadOnlyList<decimal> asksTaken)
    {
        MoveTo(midTicks);
        Build();
        for (var i = 0; i < Math.Min(bidsTaken.Count, BidCount); i++)
        {
            _bidTaken[i] = bidsTaken[i];
        }

        for (var i = 0; i < Math.Min(asksTaken.Count, AskCount); i++)
        {
            _askTaken[i] = asksTaken[i];
        }

        _anyTaken = true;
        Sequence = sequence;
    }

    // The factors are decimal fractions doubles cannot hold exactly, so a product that should be a whole number of
    // ticks can land a hair on either side; the nudge (far above double's error, far below a tick) keeps it whole.
    private long BidTicks(int index)
    {
        var ticks = MidTicks * _bidFactors[index];
        return (long)Math.Floor(ticks + (ticks * Nudge));
    }

    private long AskTicks(int index)
    {
        var ticks = MidTicks * _askFactors[index];
        return (long)Math.Ceiling(ticks - (ticks * Nudge));
    }

    private void Build()
    {
        if (_builtFor == _version)
        {
            return;
        }

        Array.Clear(_bidTaken);
        Array.Clear(_askTaken);
        _anyTaken = false;
        _builtFor = _version;
        if (MidTicks == _builtMidTicks)
        {
            return;
        }

        BidCount = 0;
        var previous = long.MaxValue;
        for (var i = 0; i < _bids.Length; i++)
        {
            var ticks = Math.Min(Math.Min(BidTicks(i), previous - 1), MidTicks);
            if (ticks <= 0)
            {
                break;
            }

            _bidTicks[i] = ticks;
            previous = ticks;
            BidCount++;
        }

        previous = BestBidTicksUntouched;
        for (var i = 0; i < _asks.Length; i++)
        {
            var ticks = Math.Max(AskTicks(i), previous + 1);
            _askTicks[i] = ticks;
            previous = ticks;
        }

        AskCount = _asks.Length;
        _bidsMaterialised = 0;
        _asksMaterialised = 0;
        _topBids = default;
        _topAsks = default;
        _builtMidTicks = MidTicks;
    }

    /// Prices and sizes the first count levels of a side, from the ticks Build placed.
    private void Materialise(bool bid, int count)
    {
        if (bid)
        {
            for (; _bidsMaterialised < count; _bidsMaterialised++)
            {
                var ticks = _bidTicks[_bidsMaterialised];
                _bids[_bidsMaterialised] = new BookLevel(ticks * _tickSize, Size(ticks));
            }
        }
        else
        {
            for (; _asksMaterialised < count; _asksMaterialised++)
            {
                var ticks = _askTicks[_asksMaterialised];
                _asks[_asksMaterialised] = new BookLevel(ticks * _tickSize, Size(ticks));
            }
        }
    }

    /// QuotePerLevel at this price, rounded down to the step and never below one step.
    private decimal Size(long ticks) => Math.Max(1L, (long)Math.Floor(_quotePerStep / (ticks * _tick))) * _stepSize;
}
