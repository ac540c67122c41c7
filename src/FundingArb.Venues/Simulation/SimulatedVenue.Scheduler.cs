namespace FundingArb.Venues.Simulation;

public sealed partial class SimulatedVenue
{
    private readonly PriorityQueue<Work, WorkKey> _queue = new(WorkKey.Order);
    private long _workSequence;
    private long _armedTicks = long.MaxValue;

    /// Order of work due at the same instant: prices move first, then funding settles on them, then intervals change,
    /// then the connection changes, then requests arrive, then answers and stream events leave.
    private enum WorkPhase
    {
        MarketStep,
        Settlement,
        IntervalChange,
        Connection,
        Arrival,
        Response,
        Delivery,
    }

    private void Schedule(long dueTicks, WorkPhase phase, Work work) =>
        _queue.Enqueue(work, new WorkKey(dueTicks, phase, _workSequence++));

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _armedTicks = long.MaxValue;
            CatchUp();
        }
    }

    /// Runs every work due by the provider's present, each at its own instant, then re-arms the timer.
    private void CatchUp()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var now = _time.GetUtcNow().UtcTicks;
        while (_queue.TryPeek(out var work, out var key) && key.Due <= now)
        {
            _queue.Dequeue();
            _nowTicks = Math.Max(_nowTicks, key.Due);
            work.Run(this);
        }

        _nowTicks = Math.Max(_nowTicks, now);
        Rearm();
    }

    private void Rearm()
    {
        if (_disposed || !_queue.TryPeek(out _, out var key) || key.Due == _armedTicks)
        {
            return;
        }

        _armedTicks = key.Due;
        var delay = TimeSpan.FromTicks(Math.Max(0L, key.Due - _time.GetUtcNow().UtcTicks));
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private readonly record struct WorkKey(long Due, WorkPhase Phase, long Sequence)
    {
        public static readonly IComparer<WorkKey> Order = Comparer<WorkKey>.Create(static (a, b) =>
            a.Due != b.Due ? a.Due.CompareTo(b.Due) : a.Phase != b.Phase ? a.Phase.CompareTo(b.Phase) : a.Sequence.CompareTo(b.Sequence));
    }

    /// Something the venue does at a scheduled instant, under its lock, with the venue's present set to that instant.
    private abstract class Work
    {
        public virtual bool IsWaitingRequest => false;

        public abstract void Run(SimulatedVenue venue);
    }

    private sealed class MarketStepWork : Work
    {
        public override void Run(SimulatedVenue venue)
        {
            venue.StepMarkets();
            venue._nextStepTicks = venue._nowTicks + venue._settings.Step.Ticks;
            venue.Schedule(venue._nextStepTicks, WorkPhase.MarketStep, this);
        }
    }

    private sealed class SettlementWork(MarketState market, long due) : Work
    {
        public override void Run(SimulatedVenue venue)
        {
            // An interval change moves the next settlement; the work scheduled for the old one is then stale.
            if (market.NextSettlementTicks == due)
            {
                venue.Settle(market);
            }
        }
    }

    private sealed class IntervalChangeWork(MarketState market) : Work
    {
        public override void Run(SimulatedVenue venue) => venue.ChangeInterval(market);
    }

    private sealed class DeliveryWork(UserEvent userEvent) : Work
    {
        public override void Run(SimulatedVenue venue) => venue.Deliver(userEvent);
    }

    private sealed class DisconnectWork : Work
    {
        public override void Run(SimulatedVenue venue) => venue.Disconnect();
    }
}
