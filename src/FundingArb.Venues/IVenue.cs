using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues;

// One perpetual-futures venue behind one normalised surface, after ccxt's unified API. The
// simulated venue and every real connector implement it, so a strategy tested here trades the same way live.
//
// Requests return values and fail with a typed VenueException (FundingArb.Venues.Errors): a caller decides by
// the exception's type, never by its text. A returned acknowledgement says the venue received the request; what
// then happens to an order (fills, a post-only cancelled after acceptance, a fill after a cancel) arrives on the
// user stream and is visible through GetOrderAsync. Every method honours its token: an already-cancelled token
// sends nothing; a token cancelled while a request is in flight abandons the wait, not the request, so an order
// may still execute (reconcile with GetOrderAsync by client order id).
//
// Streams are IAsyncEnumerable and subscribe when the method is called, not when enumeration starts, so nothing
// produced after the call is missed. An actor starts a task that enumerates the stream and pipes each item to
// itself; its mailbox never waits. A stream ends with VenueUnavailableException when the connection drops; events
// produced while disconnected are not replayed (reconcile through the request methods after resubscribing).

/// A perpetual-futures venue: market data, trading and the account, with typed errors and two streams.
public interface IVenue
{
    VenueId Id { get; }

    ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken);

    /// The current rate (settles at NextFundingTime), the predicted next one, the interval, mark and index.
    ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken);

    ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken);

    ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken);

    /// Book snapshots as the venue publishes them; a slow reader sees the newest ones (older ones are dropped).
    IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken);

    ValueTask<OrderAck> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken);

    ValueTask<CancelAck> CancelOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken);

    /// The order with its fills as the venue knows it; a request the venue rejected was never recorded.
    ValueTask<TrackedOrder> GetOrderAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken);

    ValueTask<ImmutableArray<TrackedOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken);

    /// Open positions valued at the venue's mark (one-way mode: one net position per market).
    ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken);

    /// Wallet, equity and margin per collateral asset.
    ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken);

    /// Funding settled on this account's Symbol position at or after Since, oldest first (ccxt's fetchFundingHistory):
    /// how a reader that missed FundingSettled events on the user stream finds them again.
    ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken);

    /// Order updates, fills (with fee and maker/taker), funding payments and liquidations, in venue order.
    IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken);
}
