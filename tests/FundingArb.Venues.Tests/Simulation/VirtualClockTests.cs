using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset s_start = VirtualClock.DefaultStart;
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);

    [Fact]
    public void GetUtcNow_NewClock_IsTheDefaultStartUntilAdvanced()
    {
        var clock = new VirtualClock();

        var before = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), before);
        Assert.Equal(before + TimeSpan.FromMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_ClockWithStart_StartsThere()
    {
        var start = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

        var clock = new VirtualClock(start);

        Assert.Equal(start, clock.GetUtcNow());
    }

    [Fact]
    public void GetElapsedTime_AcrossAnAdvance_IsTheVirtualTimeThatPassed()
    {
        var clock = new VirtualClock();
        var started = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.GetElapsedTime(started));
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var clock = new VirtualClock();

        var advance = () => clock.Advance(TimeSpan.FromTicks(-1));

        Assert.Throws<ArgumentOutOfRangeException>(advance);
    }

    [Fact]
    public void AdvanceTo_ThePast_Throws()
    {
        var clock = new VirtualClock();
        clock.Advance(s_second);

        var advance = () => clock.AdvanceTo(s_start);

        Assert.Throws<ArgumentOutOfRangeException>(advance);
    }

    [Fact]
    public void CreateTimer_NotYetDue_DoesNotFire()
    {
        var clock = new VirtualClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, s_second, Timeout.InfiniteTimeSpan);

        clock.Advance(s_second - TimeSpan.FromTicks(1));

        Assert.Equal(0, fired);
        Assert.Equal(1, clock.PendingTimers);
    }

    [Fact]
    public void Advance_SeveralTimersDue_FiresThemInDueOrderWithTheClockAtEachDueTime()
    {
        var clock = new VirtualClock();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, s_second, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([("early", s_start + s_second), ("late", s_start + TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(s_start + TimeSpan.FromSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_TimersDueAtTheSameTime_FireInCreationOrder()
    {
        var clock = new VirtualClock();
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 5).Select(i => clock.CreateTimer(_ => fired.Add(i), null, s_second, Timeout.InfiniteTimeSpan)).ToList();

        clock.Advance(s_second);

        Assert.Equal([0, 1, 2, 3, 4], fired);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriodPassed()
    {
        var clock = new VirtualClock();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, s_second, TimeSpan.FromMilliseconds(500));

        clock.Advance(TimeSpan.FromMilliseconds(2200));

        Assert.Equal([s_start + s_second, s_start + TimeSpan.FromMilliseconds(1500), s_start + TimeSpan.FromSeconds(2)], fired);
    }

    [Fact]
    public void Advance_TimerCreatedByACallbackAndDueBeforeTheEnd_FiresInTheSameAdvance()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        ITimer? inner = null;
        using var outer = clock.CreateTimer(
            _ =>
            {
                fired.Add("outer");
                inner = clock.CreateTimer(_ => fired.Add($"inner at {clock.GetUtcNow() - s_start}"), null, s_second, Timeout.InfiniteTimeSpan);
            },
            null,
            s_second,
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["outer", "inner at 00:00:02"], fired);
        inner?.Dispose();
    }

    [Fact]
    public void Advance_TimerCreatedByACallbackAndDueAfterTheEnd_WaitsForTheNextAdvance()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        ITimer? inner = null;
        using var outer = clock.CreateTimer(
            _ => inner = clock.CreateTimer(_ => fired.Add("inner"), null, s_second, Timeout.InfiniteTimeSpan),
            null,
            s_second,
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(1500));
        var afterFirst = fired.Count;
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, afterFirst);
        Assert.Equal(["inner"], fired);
        inner?.Dispose();
    }

    [Fact]
    public void CreateTimer_ZeroDueTime_FiresOnTheNextAdvanceEvenByZero()
    {
        var clock = new VirtualClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        var beforeAdvance = fired;

        clock.Advance(TimeSpan.Zero);

        Assert.Equal(0, beforeAdvance);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Change_PendingTimer_ReschedulesItRelativeToNow()
    {
        var clock = new VirtualClock();
        var firedAt = DateTimeOffset.MinValue;
        using var timer = clock.CreateTimer(_ => firedAt = clock.GetUtcNow(), null, s_second, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMilliseconds(500));

        timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(s_start + TimeSpan.FromMilliseconds(2500), firedAt);
    }

    [Fact]
    public void Change_InfiniteDueTime_DisarmsTheTimer()
    {
        var clock = new VirtualClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, s_second, s_second);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void Dispose_PendingTimer_NeverFiresAndChangeReturnsFalse()
    {
        var clock = new VirtualClock();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, s_second, s_second);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
        Assert.False(timer.Change(s_second, s_second));
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void Dispose_ByAnotherTimersCallbackInTheSameAdvance_PreventsTheLaterTimer()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        var victim = clock.CreateTimer(_ => fired.Add("victim"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var killer = clock.CreateTimer(_ => victim.Dispose(), null, s_second, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Empty(fired);
    }

    [Fact]
    public async Task TaskDelay_OnTheClock_CompletesOnlyWhenAdvancedPastTheDelay()
    {
        var clock = new VirtualClock();
        var delay = Task.Delay(s_second, clock);

        clock.Advance(s_second - TimeSpan.FromTicks(1));
        var completedEarly = delay.IsCompleted;
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.False(completedEarly);
        await delay.WaitAsync(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void CancellationTokenSource_OnTheClock_CancelsWhenAdvancedPastTheDelay()
    {
        var clock = new VirtualClock();
        using var cancellation = new CancellationTokenSource(s_second, clock);

        clock.Advance(s_second);

        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public void Advance_FromInsideATimerCallback_Throws()
    {
        var clock = new VirtualClock();
        Exception? seen = null;
        using var timer = clock.CreateTimer(_ => seen = Record.Exception(() => clock.Advance(TimeSpan.FromSeconds(1))), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.IsType<InvalidOperationException>(seen);
    }

    [Fact]
    public async Task Advance_FromTwoThreadsAtOnce_AddsUpWithoutError()
    {
        var clock = new VirtualClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        })));

        Assert.Equal(VirtualClock.DefaultStart + TimeSpan.FromSeconds(1000), clock.GetUtcNow());
        Assert.Equal(1000, fired);
    }
}
