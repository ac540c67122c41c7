using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Orders;

public sealed class OrderStateMachineTests
{
    [Theory]
    [InlineData(OrderStatus.Initialized, OrderTrigger.Submit, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Submitted, OrderTrigger.Accept, OrderStatus.Open)]
    [InlineData(OrderStatus.Submitted, OrderTrigger.Fill, OrderStatus.Filled)]
    [InlineData(OrderStatus.Open, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderTrigger.Cancel, OrderStatus.Canceled)]
    [InlineData(OrderStatus.PendingCancel, OrderTrigger.Fill, OrderStatus.Filled)]
    [InlineData(OrderStatus.PendingCancel, OrderTrigger.CancelReject, OrderStatus.Open)]
    [InlineData(OrderStatus.Canceled, OrderTrigger.PartialFill, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Expired, OrderTrigger.Fill, OrderStatus.Filled)]
    public void Next_LegalEdge_ReturnsTarget(OrderStatus from, OrderTrigger trigger, OrderStatus expected)
    {
        var next = OrderStateMachine.Next(from, trigger);

        Assert.Equal(expected, next);
    }

    [Theory]
    [InlineData(OrderStatus.Initialized, OrderTrigger.Fill)]
    [InlineData(OrderStatus.Initialized, OrderTrigger.Accept)]
    [InlineData(OrderStatus.Filled, OrderTrigger.Cancel)]
    [InlineData(OrderStatus.Filled, OrderTrigger.PartialFill)]
    [InlineData(OrderStatus.Rejected, OrderTrigger.Accept)]
    [InlineData(OrderStatus.Failed, OrderTrigger.Submit)]
    [InlineData(OrderStatus.Canceled, OrderTrigger.Accept)]
    [InlineData(OrderStatus.Open, OrderTrigger.Submit)]
    public void Next_IllegalEdge_ReturnsNull(OrderStatus from, OrderTrigger trigger)
    {
        var next = OrderStateMachine.Next(from, trigger);

        Assert.Null(next);
    }

    [Theory]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Failed)]
    public void Next_FinalStatus_AcceptsNothing(OrderStatus status)
    {
        var accepted = Enum.GetValues<OrderTrigger>().Where(t => OrderStateMachine.CanApply(status, t));

        Assert.Empty(accepted);
    }

    [Fact]
    public void IsTerminal_Statuses_AreTheFiveEndStates()
    {
        var terminal = Enum.GetValues<OrderStatus>().Where(OrderStateMachine.IsTerminal);

        Assert.Equal([OrderStatus.Filled, OrderStatus.Canceled, OrderStatus.Rejected, OrderStatus.Expired, OrderStatus.Failed], terminal);
    }

    [Fact]
    public void Next_FromTerminal_NeverLeavesTheTerminalSet()
    {
        var escapes =
            from status in Enum.GetValues<OrderStatus>().Where(OrderStateMachine.IsTerminal)
            from trigger in Enum.GetValues<OrderTrigger>()
            let next = OrderStateMachine.Next(status, trigger)
            where next is { } n && !OrderStateMachine.IsTerminal(n)
            select (status, trigger);

        Assert.Empty(escapes);
    }

    [Fact]
    public void Next_AnyStatus_ReachableFromInitialized()
    {
        var reached = new HashSet<OrderStatus> { OrderStatus.Initialized };
        var frontier = new Queue<OrderStatus>(reached);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var trigger in Enum.GetValues<OrderTrigger>())
            {
                if (OrderStateMachine.Next(status, trigger) is { } next && reached.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        Assert.Equal(Enum.GetValues<OrderStatus>().Length, reached.Count);
    }
}
