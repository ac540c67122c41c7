using System.Collections.Immutable;
using FundingArb.Trading.Economics;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Simulation;

// What tests and reports read without going through the venue's connection: no latency, no faults, never refused.

public sealed partial class SimulatedVenue
{
    private readonly List<FundingPayment> _fundingPayments = [];
    private readonly List<FundingSettlement> _fundingSettlements = [];

    /// Every accepted order with its history, in the order the venue received them.
    public ImmutableArray<OrderHistory> Orders => Read(() => _orderLog.Select(r => new OrderHistory(r.Order, [.. r.History], r.ArrivalMid)).ToImmutableArray());

    /// The markets it lists; fixed at construction, so a protocol server can resolve symbols without a request.
    public ImmutableArray<Instrument> Instruments => _instruments;

    /// One accepted order as it stands, or null when the venue never recorded the id: what a protocol server reads to
    /// describe an order in its own words (a stream event carries only the order's id).
    public TrackedOrder? FindOrder(ClientOrderId clientOrderId) => Read(() => _orders.TryGetValue(clientOrderId, out var record) ? record.Order : null);

    /// How many user streams are open at the venue: a test on a protocol server waits for its client's to be live
    /// before it makes something happen that the stream must carry.
    public int UserStreamCount => Read(() => _userSubscriptions.Count);

    /// Requests refused before they were recorded.
    public ImmutableArray<RejectedOrder> Rejections => Read(() => _rejections.ToImmutableArray());

    /// Every market's position, flat ones included (they keep their realized PnL, funding and fees).
    public ImmutableArray<PositionHold> Positions => Read(() => _markets.Select(m => m.Position).ToImmutableArray());

    /// How many times some market's net position has changed (fill, liquidation, restore): a reader that sees the
    /// same count again sees the same net positions, without copying them.
    public long NetPositionChanges
    {
        get
        {
            lock (_gate)
            {
                CatchUp();
                return _netPositionChanges;
            }
        }
    }

    public ImmutableArray<VenueBalance> Balances => Read(AllBalances);

    public ImmutableArray<FundingPayment> FundingPayments => Read(() => _fundingPayments.ToImmutableArray());

    /// Every settlement of every market, a position held or not, oldest first: the venue's public funding-rate history.
    public ImmutableArray<FundingSettlement> FundingSettlements => Read(() => _fundingSettlements.ToImmutableArray());

    /// Every user event the venue produced, delivered or not, in sequence order.
    public ImmutableArray<UserEvent> EventLog => Read(() => _eventLog.ToImmutableArray());

    /// What the insurance fund paid so that no wallet went below zero, per asset.
    public ImmutableArray<Money> InsuranceCover => Read(() => _insurance.Select(p => new Money(p.Value, p.Key)).ToImmutableArray());

    /// The funding a market's position received (positive) or paid (negative) in total.
    public decimal FundingTotal(Symbol symbol) => Read(() => Market(symbol).Position.FundingPnl);

    public decimal Mid(Symbol symbol) => Read(() => Market(symbol).Mid);

    public FundingInfo Funding(Symbol symbol) => Read(() => FundingOf(Market(symbol)));

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            CatchUp();
            return read();
        }
    }
}
