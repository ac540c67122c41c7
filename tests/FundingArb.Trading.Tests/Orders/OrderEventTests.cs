using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Orders;

public sealed class OrderEventTests
{
    [Fact]
    public void Filled_TakesTimeFromFill()
    {
        var fill = Fill("t1", 1m);

        var orderEvent = OrderEvent.Filled(fill);

        Assert.Equal((OrderEventKind.Filled, T0, fill), (orderEvent.Kind, orderEvent.At, orderEvent.Fill));
    }

    [Fact]
    public void Filled_NullFill_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OrderEvent.Filled(null!));
    }

    [Fact]
    public void Accepted_BlankVenueOrderId_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => OrderEvent.Accepted("", T0));
    }

    [Fact]
    public void Rejected_BlankReason_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => OrderEvent.Rejected(" ", T0));
    }

    [Fact]
    public void Failed_BlankReason_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => OrderEvent.Failed("", T0));
    }

    [Fact]
    public void CancelRejected_BlankReason_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => OrderEvent.CancelRejected("", T0));
    }
}
