namespace FundingArb.Kernel.Internal;

/// <summary>
/// The timers of one actor. Each timer message carries the generation of the timer that sent it; a message
/// whose key was cancelled or restarted since is dropped on arrival, even when already in the mailbox.
/// Used only from the actor's own turns, like Akka's.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, ActiveTimer> _timers = [];
    private long _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys;

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef? sender = null) =>
        Start(key, msg, timeout, Timeout.InfiniteTimeSpan, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef? sender = null) =>
        StartPeriodicTimer(key, msg, interval, interval, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef? sender = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, msg, initialDelay, interval, sender);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>
    /// True when the message comes from the live generation of its timer in this scheduler; a single timer ends
    /// here. A message of an earlier instance's scheduler (queued before a restart) is refused: generations
    /// restart at 1 with every instance, so the owner is what tells them apart.
    /// </summary>
    public bool Accept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this) || !_timers.TryGetValue(message.Key, out var timer) || timer.Generation != message.Generation)
        {
            return false;
        }

        if (!timer.IsPeriodic)
        {
            _timers.Remove(message.Key);
            timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object msg, TimeSpan dueTime, TimeSpan period, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        Cancel(key);
        var message = new TimerMessage(this, key, ++_generation, msg, sender);
        var timer = cell.System.TimeProvider.CreateTimer(
            static state => { var (self, m) = ((IActorRef, TimerMessage))state!; self.Tell(m, m.Sender); },
            // Boxed as (IActorRef, TimerMessage): the callback unboxes exactly that tuple type.
            ((IActorRef)cell.Self, message),
            dueTime,
            period);
        _timers[key] = new ActiveTimer(timer, message.Generation, period != Timeout.InfiniteTimeSpan);
    }

    /// <summary>What a timer sends to its actor; the cell unwraps it.</summary>
    internal sealed record TimerMessage(TimerScheduler Owner, object Key, long Generation, object Message, IActorRef? Sender) : IAutoReceivedMessage;

    private sealed record ActiveTimer(ITimer Timer, long Generation, bool IsPeriodic) : IDisposable
    {
        public void Dispose() => Timer.Dispose();
    }
}
