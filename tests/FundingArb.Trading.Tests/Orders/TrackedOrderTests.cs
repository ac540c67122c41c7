using FsCheck.Fluent;
using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Orders;

public sealed class TrackedOrderTests
{
    private static TrackedOrder Open(decimal quantity = 1m) =>
        TrackedOrder.Create(LimitBuy(quantity), T0).Apply(OrderEvent.Submitted(T0)).Apply(OrderEvent.Accepted("v1", T0));

    [Fact]
    public void Create_StartsInitializedWithNoFills()
    {
        var order = TrackedOrder.Create(LimitBuy(), T0);

        Assert.Equal((OrderStatus.Initialized, 0m, (decimal?)null), (order.Status, order.FilledQuantity, order.AveragePrice));
    }

    [Fact]
    public void Create_NullRequest_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrackedOrder.Create(null!, T0));
    }

    [Fact]
    public void Apply_Accepted_RecordsVenueOrderId()
    {
        var order = Open();

        Assert.Equal((OrderStatus.Open, "v1"), (order.Status, order.VenueOrderId));
    }

    [Fact]
    public void Apply_PartialFill_AccumulatesQuantityAndAverage()
    {
        var order = Open().Apply(OrderEvent.Filled(Fill("t1", 0.4m, 100m))).Apply(OrderEvent.Filled(Fill("t2", 0.2m, 103m)));

        Assert.Equal((OrderStatus.PartiallyFilled, 0.6m, 60.6m, 0.4m), (order.Status, order.FilledQuantity, order.FilledQuote, order.UnfilledQuantity));
    }

    [Fact]
    public void Restore_SumsTheFillsAgain_IntoTheSameOrder()
    {
        var order = Open().Apply(OrderEvent.Filled(Fill("t1", 0.4m, 100m))).Apply(OrderEvent.Filled(Fill("t2", 0.2m, 103m)));

        var restored = TrackedOrder.Restore(order.Request, order.Status, order.Fills, order.VenueOrderId, order.Reason, order.UpdatedAt);

        Assert.Equal((order.Status, order.FilledQuantity, order.FilledQuote, order.VenueOrderId, order.UpdatedAt),
            (restored.Status, restored.FilledQuantity, restored.FilledQuote, restored.VenueOrderId, restored.UpdatedAt));
    }

    [Fact]
    public void Restore_FillsBeyondTheQuantity_AreRefusedNamingFills()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrackedOrder.Restore(LimitBuy(0.5m), OrderStatus.Filled, [Fill("t1", 0.4m), Fill("t2", 0.2m)], "v1", null, T0));

        Assert.Equal("fills", error.ParamName);
    }

    [Fact]
    public void Restore_TheSameTradeTwice_IsRefusedNamingFills()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrackedOrder.Restore(LimitBuy(), OrderStatus.PartiallyFilled, [Fill("t1", 0.4m), Fill("t1", 0.4m)], "v1", null, T0));

        Assert.Equal("fills", error.ParamName);
    }

    [Fact]
    public void AveragePrice_TwoFills_IsQuantityWeighted()
    {
        var order = Open().Apply(OrderEvent.Filled(Fill("t1", 0.4m, 100m))).Apply(OrderEvent.Filled(Fill("t2", 0.2m, 103m)));

        Assert.Equal(101m, order.AveragePrice);
    }

    [Fact]
    public void Apply_FillCompletingQuantity_IsFilled()
    {
        var order = Open().Apply(OrderEvent.Filled(Fill("t1", 0.4m))).Apply(OrderEvent.Filled(Fill("t2", 0.6m)));

        Assert.Equal(OrderStatus.Filled, order.Status);
    }

    [Fact]
    public void Apply_CancelAfterPartial_KeepsFills()
    {
        var order = Open()
            .Apply(OrderEvent.Filled(Fill("t1", 0.4m)))
            .Apply(OrderEvent.CancelRequested(T0))
            .Apply(OrderEvent.Canceled(T0));

        Assert.Equal((OrderStatus.Canceled, 0.4m), (order.Status, order.FilledQuantity));
    }

    [Fact]
    public void Apply_CanceledByVenueWithReason_KeepsReason()
    {
        var order = Open().Apply(OrderEvent.Canceled(T0, "PostOnlyWouldCross"));

        Assert.Equal((OrderStatus.Canceled, "PostOnlyWouldCross"), (order.Status, order.Reason));
    }

    [Fact]
    public void Apply_LateFillAfterCancel_IsCounted()
    {
        var order = Open().Apply(OrderEvent.Canceled(T0)).Apply(OrderEvent.Filled(Fill("t1", 0.4m)));

        Assert.Equal((OrderStatus.Canceled, 0.4m), (order.Status, order.FilledQuantity));
    }

    [Fact]
    public void Apply_CancelRejectedWithFills_ReturnsToPartiallyFilled()
    {
        var order = Open()
            .Apply(OrderEvent.Filled(Fill("t1", 0.4m)))
            .Apply(OrderEvent.CancelRequested(T0))
            .Apply(OrderEvent.CancelRejected("too late", T0));

        Assert.Equal((OrderStatus.PartiallyFilled, "too late"), (order.Status, order.Reason));
    }

    [Fact]
    public void Apply_CancelRejectedWithoutFills_ReturnsToOpen()
    {
        var order = Open().Apply(OrderEvent.CancelRequested(T0)).Apply(OrderEvent.CancelRejected("busy", T0));

        Assert.Equal(OrderStatus.Open, order.Status);
    }

    [Fact]
    public void Apply_SameFillTwice_CountsOnce()
    {
        var fill = Fill("t1", 0.4m);

        var order = Open().Apply(OrderEvent.Filled(fill)).Apply(OrderEvent.Filled(fill));

        Assert.Equal((0.4m, 1), (order.FilledQuantity, order.Fills.Length));
    }

    [Fact]
    public void TryApply_SameTradeIdOtherFigures_IsRefused()
    {
        var order = Open().Apply(OrderEvent.Filled(Fill("t1", 0.4m)));

        var applied = order.TryApply(OrderEvent.Filled(Fill("t1", 0.5m)), out var updated);

        Assert.Equal((false, order), (applied, updated));
    }

    [Fact]
    public void TryApply_Overfill_IsRefused()
    {
        var applied = Open().TryApply(OrderEvent.Filled(Fill("t1", 1.001m)), out _);

        Assert.False(applied);
    }

    [Fact]
    public void TryApply_FillOfOtherOrder_IsRefused()
    {
        var other = new Fill("t1", new ClientOrderId("other"), OrderSide.Buy, 100m, 0.1m, Usd(0m), LiquidityRole.Taker, T0);

        var applied = Open().TryApply(OrderEvent.Filled(other), out _);

        Assert.False(applied);
    }

    [Fact]
    public void TryApply_FillOnWrongSide_IsRefused()
    {
        var applied = Open().TryApply(OrderEvent.Filled(Fill("t1", 0.1m, side: OrderSide.Sell)), out _);

        Assert.False(applied);
    }

    [Fact]
    public void TryApply_FillBeforeSubmit_IsRefused()
    {
        var applied = TrackedOrder.Create(LimitBuy(), T0).TryApply(OrderEvent.Filled(Fill("t1", 0.1m)), out _);

        Assert.False(applied);
    }

    [Fact]
    public void Apply_IllegalEvent_ThrowsWithStatusAndKind()
    {
        var filled = Open().Apply(OrderEvent.Filled(Fill("t1", 1m)));

        var error = Assert.Throws<InvalidOrderTransitionException>(() => filled.Apply(OrderEvent.Canceled(T0)));

        Assert.Equal((OrderStatus.Filled, OrderEventKind.Canceled, OrderId), (error.Status, error.EventKind, error.ClientOrderId));
    }

    [Fact]
    public void Apply_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Open().Apply(null!));
    }

    [Fact]
    public void TryApply_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Open().TryApply(null!, out _));
    }

    [Fact]
    public void FeesIn_MixedAssets_SumsOnlyThatAsset()
    {
        var bnbFee = new Fill("t2", OrderId, OrderSide.Buy, 100m, 0.1m, new(0.001m, Bnb), LiquidityRole.Maker, T0);

        var order = Open().Apply(OrderEvent.Filled(Fill("t1", 0.1m, fee: 0.02m))).Apply(OrderEvent.Filled(bnbFee));

        Assert.Equal((0.02m, 0.001m), (order.FeesIn(Usdt), order.FeesIn(Bnb)));
    }

    [Fact]
    public void TryApply_AnyEventSequence_KeepsInvariants()
    {
        var quantities = Gen.Elements(0.1m, 0.25m, 0.5m, 1m);
        var events = Gen.Choose(0, 9).Select(kind => kind);
        var sequences = (from kinds in Gen.ListOf(Gen.Zip(events, quantities), 30)
                         select kinds).ToArbitrary();

        var property = Prop.ForAll(sequences, steps =>
        {
            var order = TrackedOrder.Create(LimitBuy(1m), T0);
            var tradeNo = 0;
            foreach (var (kind, quantity) in steps)
            {
                var before = order;
                var orderEvent = kind switch
                {
                    0 => OrderEvent.Submitted(T0),
                    1 => OrderEvent.Accepted("v1", T0),
                    2 => OrderEvent.Rejected("no", T0),
                    3 or 4 => OrderEvent.Filled(Fill($"t{tradeNo++}", quantity)),
                    5 => OrderEvent.CancelRequested(T0),
                    6 => OrderEvent.CancelRejected("no", T0),
                    7 => OrderEvent.Canceled(T0),
                    8 => OrderEvent.Expired(T0),
                    _ => OrderEvent.Failed("no", T0),
                };
                if (order.TryApply(orderEvent, out var next) && !IsLegalStep(before, next))
                {
                    return false;
                }

                order = next;
                if (!HoldsInvariants(order))
                {
                    return false;
                }
            }

            return true;
        });

        PropertyCheck.Run(property, maxTest: 500);
    }

    private static bool IsLegalStep(TrackedOrder before, TrackedOrder after) =>
        before.Status == after.Status
        || Enum.GetValues<OrderTrigger>().Any(t => OrderStateMachine.Next(before.Status, t) is { } n
            && (n == after.Status || (n == OrderStatus.Open && after.Status == OrderStatus.PartiallyFilled)));

    private static bool HoldsInvariants(TrackedOrder order) =>
        order.FilledQuantity >= 0m
        && order.FilledQuantity <= order.Request.Quantity
        && order.FilledQuantity == order.Fills.Sum(f => f.Quantity)
        && (order.Status != OrderStatus.Filled || order.FilledQuantity == order.Request.Quantity)
        && (order.FilledQuantity != order.Request.Quantity || order.Status == OrderStatus.Filled)
        && (order.Status != OrderStatus.PartiallyFilled || order.FilledQuantity > 0m)
        && (order.Status is not (OrderStatus.Open or OrderStatus.Initialized or OrderStatus.Submitted) || order.FilledQuantity == 0m);
}
