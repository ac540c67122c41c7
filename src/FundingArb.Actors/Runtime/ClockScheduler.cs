using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace FundingArb.Actors.Runtime;

// Akka's own schedulers read the machine's clock. This one reads a TimeProvider, so that one clock drives the actors'
// timers and the simulated venues together: a VirtualClock in simulations and tests (time moves only when the runner
// advances it), a scaled clock for a node at --speed, the system clock otherwise. Each scheduled item is one timer of
// the provider; a cancelled item is dropped when its timer fires.

/// An Akka scheduler (`akka.scheduler.implementation`) on the TimeProvider registered under the system's
/// `fundingarb.scheduler.clock-id` (see SchedulerClocks).
public sealed class ClockScheduler : SchedulerBase, IDisposable
{
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly string _clockId;

    public ClockScheduler(Config config, ILoggingAdapter log)
        : base(config, log)
    {
        ArgumentNullException.ThrowIfNull(config);
        _clockId = config.GetString(SchedulerClocks.ClockIdKey, null)
            ?? throw new ConfigurationException($"{SchedulerClocks.ClockIdKey} is missing: use SchedulerClocks.Config to run a system on a TimeProvider.");
        _clock = SchedulerClocks.Find(_clockId);
        _started = _clock.GetTimestamp();
    }

    public override TimeSpan MonotonicClock => _clock.GetElapsedTime(_started);

    public override TimeSpan HighResMonotonicClock => MonotonicClock;

    protected override DateTimeOffset TimeNow => _clock.GetUtcNow();

    public void Dispose() => SchedulerClocks.Release(_clockId);

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Once(delay, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender,
        ICancelable cancelable) =>
        Repeatedly(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) => Once(delay, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) => Once(delay, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Repeatedly(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Repeatedly(initialDelay, interval, action.Run, cancelable);

    private void Once(TimeSpan delay, Action action, ICancelable? cancelable)
    {
        var timer = new ScheduledItem(action, cancelable, repeats: false);
        timer.Start(_clock, delay, Timeout.InfiniteTimeSpan);
    }

    private void Repeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable? cancelable)
    {
        var timer = new ScheduledItem(action, cancelable, repeats: true);
        timer.Start(_clock, initialDelay, interval);
    }

    // The timer is disposed when the item is done: after its one run, or at the first fire after its cancellation.
    private sealed class ScheduledItem(Action action, ICancelable? cancelable, bool repeats)
    {
        private ITimer? _timer;

        public void Start(TimeProvider clock, TimeSpan due, TimeSpan period)
        {
            lock (this)
            {
                _timer = clock.CreateTimer(_ => Fire(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, period);
            }
        }

        private void Fire()
        {
            var cancelled = cancelable is { IsCancellationRequested: true };
            if (cancelled || !repeats)
            {
                lock (this)
                {
                    _timer?.Dispose();
                }
            }

            if (!cancelled)
            {
                action();
            }
        }
    }
}
