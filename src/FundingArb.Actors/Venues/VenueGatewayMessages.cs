using System.Collections.Immutable;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues;

namespace FundingArb.Actors.Venues;

/// Sends the order; the sender is answered with OrderPlaced, OrderRefused or OrderOutcomeUnknown and receives the
/// order's stream events (VenueOrderEvent) from now on.
public sealed record PlaceOrder(OrderRequest Request) : IClusterMessage;

public sealed record OrderPlaced(ClientOrderId ClientOrderId, OrderAck Ack) : IClusterMessage;

/// The venue did not take the order: it will never execute.
public sealed record OrderRefused(ClientOrderId ClientOrderId, VenueException Error) : IClusterMessage;

/// The request failed in a way that may have let the order through (timeout, answer lost): reconcile by id.
public sealed record OrderOutcomeUnknown(ClientOrderId ClientOrderId, VenueException Error) : IClusterMessage;

public sealed record CancelOrder(ClientOrderId ClientOrderId) : IClusterMessage;

/// Error is null when the venue acknowledged the cancel.
public sealed record CancelAnswered(ClientOrderId ClientOrderId, VenueException? Error) : IClusterMessage;

/// Asks the venue what became of an order and routes its later stream events to the sender.
public sealed record QueryOrder(ClientOrderId ClientOrderId) : IClusterMessage;

/// Order is the venue's view; null with a null Error means the venue never recorded the id.
public sealed record OrderQueried(ClientOrderId ClientOrderId, TrackedOrder? Order, VenueException? Error) : IClusterMessage;

/// A fill or state change of a routed order, as the venue's user stream reported it.
public sealed record VenueOrderEvent(UserEvent Event) : IClusterMessage;

/// Funding settlements of Symbol go to the sender until it unsubscribes or stops.
public sealed record SubscribeFunding(Symbol Symbol) : IClusterMessage;

public sealed record UnsubscribeFunding(Symbol Symbol) : IClusterMessage;

/// Asks for the funding the venue settled on Symbol at or after Since: what a dropped user stream did not bring.
public sealed record FetchFundingHistory(Symbol Symbol, DateTimeOffset Since) : IClusterMessage;

public sealed record FundingHistoryFetched(VenueId Venue, Symbol Symbol, ImmutableArray<FundingPayment> Payments) : IClusterMessage;

public sealed record FundingHistoryFailed(VenueId Venue, Symbol Symbol, VenueException Error) : IClusterMessage;

/// The user stream was re-established or skipped events: routed orders may have changed and funding may have
/// settled unseen, reconcile.
public sealed record UserStreamResumed(VenueId Venue) : IClusterMessage;

public sealed record FetchInstruments : IClusterMessage
{
    public static FetchInstruments Instance { get; } = new();
}

public sealed record InstrumentsFetched(VenueId Venue, ImmutableArray<Instrument> Instruments) : IClusterMessage;

public sealed record InstrumentsFetchFailed(VenueId Venue, VenueException Error) : IClusterMessage;

public sealed record FetchMarket(Symbol Symbol, int Depth) : IClusterMessage;

/// The book alone, for an order actor pricing at the touch: one venue call where FetchMarket makes two.
public sealed record FetchBook(Symbol Symbol, int Depth) : IClusterMessage;

public sealed record BookFetched(VenueId Venue, OrderBookSnapshot Book) : IClusterMessage;

/// One market's funding state and book, fetched together so a decision sees one moment.
public sealed record MarketFetched(VenueId Venue, FundingInfo Funding, OrderBookSnapshot Book) : IClusterMessage;

public sealed record MarketFetchFailed(VenueId Venue, Symbol Symbol, VenueException Error) : IClusterMessage;
