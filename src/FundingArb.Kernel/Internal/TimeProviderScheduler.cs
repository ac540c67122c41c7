namespace FundingArb.Kernel.Internal;

/// <summary>The scheduler over a <see cref="TimeProvider"/>: one provider timer per scheduled operation.</summary>
internal sealed class TimeProviderScheduler(TimeProvider timeProvider) : IScheduler
{
    private volatile bool _shutdown;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, Timeout.InfiniteTimeSpan, action);
    }

    /// <summary>Stops every future run: the system is terminating.</summary>
    public void Shutdown() => _shutdown = true;

    private ScheduledOperation Schedule(TimeSpan delay, TimeSpan period, Action action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var operation = new ScheduledOperation(this, action);
        operation.Start(timeProvider, delay, period);
        return operation;
    }

    private sealed class ScheduledOperation(TimeProviderScheduler scheduler, Action action) : ICancelable
    {
        private ITimer? _timer;
        private volatile bool _cancelled;

        public bool IsCancellationRequested => _cancelled;

        public void Start(TimeProvider timeProvider, TimeSpan delay, TimeSpan period)
        {
            _timer = timeProvider.CreateTimer(static s => ((ScheduledOperation)s!).Fire(), this, delay, period);
            if (_cancelled)
            {
                _timer.Dispose();
            }
        }

        public void Cancel()
        {
            _cancelled = true;
            _timer?.Dispose();
        }

        private void Fire()
        {
            if (_cancelled || scheduler._shutdown)
            {
                _timer?.Dispose();
                return;
            }

            action();
        }
    }
}
