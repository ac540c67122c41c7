using System.Diagnostics;

namespace FundingArb.Venues.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> that stands still until told to move. <see cref="Advance"/> moves it forward
/// and fires every timer that comes due on the way, one at a time, in due-time order (creation order on
/// ties), with the clock set to each timer's due time while its callback runs. A timer is due at its
/// creation time plus its due time, so even a zero due time waits for the next <see cref="Advance"/>.
/// Callbacks run on the thread that calls Advance; timers created by a callback fire in the same Advance
/// if they come due before its end.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>Where a clock created without an instant starts: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly Lock _advancing = new();
    private int _advancingDepth;
    private readonly SortedSet<VirtualTimer> _due = new(VirtualTimer.DueOrder);
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private long _nextSequence;

    public VirtualClock()
        : this(DefaultStart)
    {
    }

    public VirtualClock(DateTimeOffset start)
    {
        _start = start;
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>When the next timer comes due, or null when none waits; a runner can advance timer by timer.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_gate)
            {
                return _due.Count > 0 ? _due.Min!.DueAt : null;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => (GetUtcNow() - _start).Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advancing)
        {
            AdvanceTo(GetUtcNow() + delta);
        }
    }

    /// <summary>Moves the clock forward to <paramref name="target"/>, firing every timer due on the way.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        // One advance at a time: two threads advancing together would each see the other's progress as
        // time running backwards. A timer callback must not advance the clock it is fired by.
        lock (_advancing)
        {
            if (_advancingDepth > 0)
            {
                throw new InvalidOperationException("A timer callback cannot advance the VirtualClock that fires it.");
            }

            _advancingDepth++;
            try
            {
                FireUntil(target);
            }
            finally
            {
                _advancingDepth--;
            }
        }
    }

    private void FireUntil(DateTimeOffset target)
    {
        while (true)
        {
            VirtualTimer? next;
            lock (_gate)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(target, _now);
                next = _due.Count > 0 ? _due.Min : null;
                if (next is null || next.DueAt > target)
                {
                    _now = target;
                    return;
                }

                _due.Remove(next);
                _now = next.DueAt;
                next.Rearm();
            }

            next.Fire();
        }
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _due.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.DueAt = _now + dueTime;
            timer.Sequence = ++_nextSequence;
            _due.Add(timer);
            AssertInvariants();
        }
    }

    private void Remove(VirtualTimer timer)
    {
        lock (_gate)
        {
            _due.Remove(timer);
        }
    }

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_gate.IsHeldByCurrentThread, "the timer queue is read and written under the gate");
        Debug.Assert(_due.Count == 0 || _due.Min!.DueAt >= _now, "no timer is ever due before the clock's present");
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public static readonly IComparer<VirtualTimer> DueOrder = Comparer<VirtualTimer>.Create(
            static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : a.Sequence.CompareTo(b.Sequence));

        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public DateTimeOffset DueAt { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            _period = period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
            clock.Schedule(this, dueTime);
            return true;
        }

        /// <summary>Called under the clock's gate as the timer fires: a periodic timer is due again one period later.</summary>
        public void Rearm()
        {
            if (_period != Timeout.InfiniteTimeSpan && !_disposed)
            {
                DueAt += _period;
                Sequence = ++clock._nextSequence;
                clock._due.Add(this);
            }
        }

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
