using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using static FundingArb.Trading.Tests.Executors.ExecutorInfoTests;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Executors;

public sealed class PerformanceReportTests
{
    [Fact]
    public void Build_ActiveAndDoneExecutors_SplitUnrealizedAndRealized()
    {
        var report = PerformanceReport.Build(
            [Info(RunnableStatus.Running, null, 10m), Info(RunnableStatus.Terminated, CloseType.TakeProfit, 10m)], []);

        Assert.Equal((10m, 10m, 20m), (report.RealizedPnlQuote, report.UnrealizedPnlQuote, report.GlobalPnlQuote));
    }

    [Fact]
    public void Build_FailedWithZeroPnl_AddsNothingButIsCounted()
    {
        var report = PerformanceReport.Build([Info(RunnableStatus.Terminated, CloseType.Failed, 0m)], []);

        Assert.Equal((0m, new CloseTypeCount(CloseType.Failed, 1)), (report.RealizedPnlQuote, Assert.Single(report.CloseTypeCounts)));
    }

    [Fact]
    public void Build_DonePositionHoldExecutor_AddsNoPnlOrVolume()
    {
        var report = PerformanceReport.Build([Info(RunnableStatus.Terminated, CloseType.PositionHold, 5m, volume: 100m)], []);

        Assert.Equal((0m, 0m), (report.RealizedPnlQuote, report.VolumeTraded));
    }

    [Fact]
    public void Build_Positions_AddRealizedNetOfFeesAndFunding()
    {
        var hold = PositionHold.Empty(new PositionKey(Binance, new Symbol("BTCUSDT")), Usdt)
            .Apply(OrderSide.Buy, 2m, 100m, 0.1m)
            .Apply(OrderSide.Sell, 1m, 110m, 0.1m);

        var report = PerformanceReport.Build([], [hold.Summary(120m)]);

        Assert.Equal((9.8m, 20m, 310m), (report.RealizedPnlQuote, report.UnrealizedPnlQuote, report.VolumeTraded));
    }

    [Fact]
    public void Build_Percentages_AreOfVolumeTimesHundred()
    {
        var report = PerformanceReport.Build(
            [Info(RunnableStatus.Terminated, CloseType.TakeProfit, 3m, volume: 200m), Info(RunnableStatus.Running, null, -1m, volume: 200m)], []);

        Assert.Equal((0.75m, -0.25m, 0.5m), (report.RealizedPnlPercent, report.UnrealizedPnlPercent, report.GlobalPnlPercent));
    }

    [Fact]
    public void Build_NoVolume_PercentIsZero()
    {
        var report = PerformanceReport.Build([], []);

        Assert.Equal(0m, report.GlobalPnlPercent);
    }

    [Fact]
    public void Build_CloseTypes_CountedInEnumOrder()
    {
        var report = PerformanceReport.Build([
            Info(RunnableStatus.Terminated, CloseType.StopLoss, 0m),
            Info(RunnableStatus.Terminated, CloseType.TimeLimit, 0m),
            Info(RunnableStatus.Terminated, CloseType.StopLoss, 0m),
        ], []);

        Assert.Equal([new(CloseType.TimeLimit, 1), new CloseTypeCount(CloseType.StopLoss, 2)], report.CloseTypeCounts.ToArray());
    }

    [Fact]
    public void Build_NullExecutors_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PerformanceReport.Build(null!, []));
    }

    [Fact]
    public void Build_NullPositions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PerformanceReport.Build([], null!));
    }

    [Fact]
    public void Build_NullExecutorInList_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PerformanceReport.Build([null!], []));
    }
}
