using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Simulation;

public sealed partial class SimulatedVenue
{
    public ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        RequestAsync<ImmutableArray<Instrument>>(() => _instruments, cancellationToken);

    public ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var market = Market(symbol);
        return RequestAsync<FundingInfo>(() => FundingOf(market), cancellationToken);
    }

    public ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var market = Market(symbol);
        return RequestAsync<MarkPrice>(() => new MarkPrice(Id, symbol, market.Mark, market.Index, At), cancellationToken);
    }

    public ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        var market = Market(symbol);
        return RequestAsync<OrderBookSnapshot>(() => Snapshot(market, depth), cancellationToken);
    }
}
