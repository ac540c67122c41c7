using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Paper;

// Invariant: an order is in its market's resting list exactly while IsResting.

/// The paper account's record of one accepted order: the order as Trading tracks it, and everything that happened to it.
internal sealed class PaperOrder
{
    private readonly List<OrderEvent> _history = [];

    public PaperOrder(OrderRequest request, PaperMarket market, long number, DateTimeOffset at)
    {
        Market = market;
        Number = number;
        Order = TrackedOrder.Create(request, at);
    }

    public TrackedOrder Order { get; private set; }

    public IReadOnlyList<OrderEvent> History => _history;

    public PaperMarket Market { get; }

    /// Time priority among resting orders, and the paper venue order id.
    public long Number { get; }

    public bool IsResting { get; set; }

    public OrderRequest Request => Order.Request;

    public void Apply(OrderEvent orderEvent)
    {
        Order = Order.Apply(orderEvent);
        _history.Add(orderEvent);
    }
}
