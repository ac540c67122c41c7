using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation;

// Invariant: Order.FilledQuantity never exceeds FillCap (the partial-fill fault's ceiling, the quantity otherwise),
// and an order is in its market's resting list exactly while IsResting.

/// The venue's record of one accepted order: the order as Trading tracks it, plus everything that happened to it.
internal sealed class OrderRecord
{
    private readonly List<OrderEvent> _history = [];

    public OrderRecord(OrderRequest request, MarketState market, long number, long priceTicks, decimal fillCap, decimal? arrivalMid, DateTimeOffset at)
    {
        Market = market;
        Number = number;
        PriceTicks = priceTicks;
        FillCap = fillCap;
        ArrivalMid = arrivalMid;
        Order = TrackedOrder.Create(request, at);
    }

    public TrackedOrder Order { get; private set; }

    public IReadOnlyList<OrderEvent> History => _history;

    public MarketState Market { get; }

    /// The venue's sequence number: time priority among resting orders, and the venue order id.
    public long Number { get; }

    /// The limit price in ticks; zero for a market order.
    public long PriceTicks { get; }

    public decimal FillCap { get; }

    /// The market's mid when the order reached the engine, before it traded: what its fills' slippage is measured
    /// against. Null for an order restored from a snapshot written before the venue kept it.
    public decimal? ArrivalMid { get; }

    public bool IsResting { get; set; }

    public OrderRequest Request => Order.Request;

    /// What may still fill: the unfilled quantity, or less under a partial-fill fault.
    public decimal Fillable => Math.Max(0m, Math.Min(Order.UnfilledQuantity, FillCap - Order.FilledQuantity));

    public void Apply(OrderEvent orderEvent)
    {
        Order = Order.Apply(orderEvent);
        _history.Add(orderEvent);
    }
}
