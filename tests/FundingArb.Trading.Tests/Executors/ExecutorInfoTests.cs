using FundingArb.Trading.Executors;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Executors;

public sealed class ExecutorInfoTests
{
    internal static ExecutorInfo Info(RunnableStatus status, CloseType? closeType, decimal pnl, decimal volume = 0m, string id = "e1") =>
        new(id, "position", "main", T0, status, closeType, null, pnl, 0m, 0m, volume, false);

    [Theory]
    [InlineData(RunnableStatus.NotStarted, true)]
    [InlineData(RunnableStatus.Running, true)]
    [InlineData(RunnableStatus.ShuttingDown, false)]
    [InlineData(RunnableStatus.Terminated, false)]
    public void IsActive_ByStatus_IsNotStartedOrRunning(RunnableStatus status, bool expected)
    {
        var info = Info(status, null, 0m);

        Assert.Equal(expected, info.IsActive);
    }

    [Fact]
    public void IsDone_Terminated_IsTrue()
    {
        var info = Info(RunnableStatus.Terminated, CloseType.StopLoss, 0m);

        Assert.True(info.IsDone);
    }

    [Fact]
    public void Constructor_BlankId_Throws()
    {
        Assert.Throws<ArgumentException>(() => Info(RunnableStatus.Running, null, 0m, id: " "));
    }

    [Fact]
    public void Constructor_BlankType_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new ExecutorInfo("e1", "", "main", T0, RunnableStatus.Running, null, null, 0m, 0m, 0m, 0m, false));
    }

    [Fact]
    public void Constructor_NegativeVolume_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Info(RunnableStatus.Running, null, 0m, volume: -1m));
    }

    [Theory]
    [InlineData(CloseType.TimeLimit, 1)]
    [InlineData(CloseType.PositionHold, 10)]
    [InlineData(CloseType.RolledBack, 11)]
    public void CloseType_Values_MatchHummingbot(CloseType closeType, int expected)
    {
        var value = (int)closeType;

        Assert.Equal(expected, value);
    }
}
