using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Paper;

// Market data is the venue's own, passed through; what the account learns from it on the way (funding, marks, books)
// it keeps, so that every read of the node also moves the paper account forward.

public sealed partial class PaperVenue
{
    public ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        _market.GetInstrumentsAsync(cancellationToken);

    public async ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var funding = await _market.GetFundingAsync(symbol, cancellationToken).ConfigureAwait(false);
        ObserveFunding(funding);
        return funding;
    }

    public async ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var mark = await _market.GetMarkPriceAsync(symbol, cancellationToken).ConfigureAwait(false);
        ObserveMark(mark);
        return mark;
    }

    public async ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        var book = await _market.GetOrderBookAsync(symbol, depth, cancellationToken).ConfigureAwait(false);
        ObserveBook(book);
        return book;
    }

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken) =>
        _market.StreamOrderBookAsync(symbol, depth, cancellationToken);

    private void ObserveMark(MarkPrice mark)
    {
        lock (_gate)
        {
            ObserveTime(mark.At);
            if (_markets.TryGetValue(mark.Symbol, out var market))
            {
                market.Mark = mark.Mark;
            }
        }
    }

    /// Takes a book of the venue and fills the resting paper orders it moved through.
    private void ObserveBook(OrderBookSnapshot book)
    {
        lock (_gate)
        {
            if (_disposed || !_markets.TryGetValue(book.Symbol, out var market))
            {
                return;
            }

            ObserveTime(book.At);
            if (market.Observe(book) && market.HasResting && MatchResting(market))
            {
                Persist();
            }
        }
    }
}
