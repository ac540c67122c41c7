namespace FundingArb.Kernel.Internal;

/// <summary>
/// Receive timeout: one timer per cell, pushed back after every message that influences it. It may fire
/// just after another message was queued, as in Akka; after it fires, a new idle period starts.
/// </summary>
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout?.Duration;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } duration || duration <= TimeSpan.Zero || duration == Timeout.InfiniteTimeSpan)
        {
            CancelReceiveTimeout();
            return;
        }

        var extras = Extras;
        if (extras.ReceiveTimeout is null)
        {
            extras.ReceiveTimeout = new ReceiveTimeoutTimer(_system.TimeProvider, Self, duration);
        }
        else
        {
            extras.ReceiveTimeout.Duration = duration;
            extras.ReceiveTimeout.Restart();
        }
    }

    private void RescheduleReceiveTimeout() => _extras?.ReceiveTimeout?.Restart();

    private void CancelReceiveTimeout()
    {
        if (_extras?.ReceiveTimeout is { } timer)
        {
            timer.Cancel();
            _extras.ReceiveTimeout = null;
        }
    }

    internal sealed class ReceiveTimeoutTimer
    {
        private readonly ITimer _timer;

        public ReceiveTimeoutTimer(TimeProvider timeProvider, IActorRef self, TimeSpan duration)
        {
            Duration = duration;
            _timer = timeProvider.CreateTimer(static s => ((IActorRef)s!).Tell(Kernel.ReceiveTimeout.Instance, ActorRefs.NoSender), self, duration, Timeout.InfiniteTimeSpan);
        }

        public TimeSpan Duration { get; set; }

        public void Restart() => _timer.Change(Duration, Timeout.InfiniteTimeSpan);

        public void Cancel() => _timer.Dispose();
    }
}
