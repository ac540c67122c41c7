namespace FundingArb.Venues.Lockstep;

// A call may wait on the clock inside a connector (a rate limit's back-off, the client's own order pacing): while it
// does, it is not runnable, or the clock it waits for would never move. A deadline (a CancellationTokenSource's timer)
// is not a wait: the call goes on working beside it. A stream's waits (pings, keep-alives) are counted too, but only a
// failure it owes waits for them (LockstepFlow.IsRunnable). A stream's reader waits itself when it arms a timer while it
// owes a message (a request held back by a rate limit); a ping or keep-alive loop re-arming its timer at that moment
// does not, so those loops are started through IVenueWire.StartBeside: taken for the reader's, such a timer held the
// reader back from the messages it owed, and whether it was depended on threads.

/// The connectors' clock in a lockstep simulation: the simulation's own, with a flow's waits on it counted.
internal sealed class LockstepTimeProvider(WireLockstep lockstep, TimeProvider clock) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (state is CancellationTokenSource || WireLockstep.CurrentFlow is not { } flow || flow.Owner != lockstep)
        {
            return clock.CreateTimer(callback, state, dueTime, period);
        }

        var reader = false;
        lockstep.Change(() => reader = !flow.IsCall && flow.Owed > 0 && !WireLockstep.IsBeside);
        var wait = new Wait(lockstep, flow, reader, callback, state);
        wait.Inner = clock.CreateTimer(static w => ((Wait)w!).Fire(), wait, dueTime, period);
        wait.Arm(dueTime);
        return wait;
    }

    /// A timer a call waits on: counted against the call from when it is armed until it fires or is stopped.
    private sealed class Wait(WireLockstep lockstep, LockstepFlow flow, bool reader, TimerCallback callback, object? state) : ITimer
    {
        private bool _armed;

        public ITimer Inner { get; set; } = null!;

        public void Arm(TimeSpan dueTime) => lockstep.Change(() =>
        {
            var armed = dueTime != Timeout.InfiniteTimeSpan;
            var change = (armed ? 1 : 0) - (_armed ? 1 : 0);
            flow.ClockWaits += change;
            if (reader)
            {
                flow.ReaderWaits += change;
            }

            _armed = armed;
        });

        public void Fire()
        {
            Arm(Timeout.InfiniteTimeSpan);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Arm(Timeout.InfiniteTimeSpan);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
