namespace FundingArb.Kernel.Internal;

/// <summary>
/// Receive timeout: one timer per cell, pushed back after every message that influences it. It may fire
/// just after another message was queued, as in Akka; after it fires, a new idle period starts.
/// </summary>
internal sealed partial class ActorCell
{
    private ReceiveTimeoutTimer? _receiveTimeout;

    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Duration;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } duration || duration <= TimeSpan.Zero || duration == Timeout.InfiniteTimeSpan)
        {
            CancelReceiveTimeout();
            return;
        }

        if (_receiveTimeout is null)
        {
            _receiveTimeout = new ReceiveTimeoutTimer(_system.TimeProvider, Self, duration);
        }
        else
        {
            _receiveTimeout.Duration = duration;
            _receiveTimeout.Restart();
        }
    }

    private void RescheduleReceiveTimeout() => _receiveTimeout?.Restart();

    private void CancelReceiveTimeout()
    {
        _receiveTimeout?.Cancel();
        _receiveTimeout = null;
    }

    private sealed class ReceiveTimeoutTimer
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
