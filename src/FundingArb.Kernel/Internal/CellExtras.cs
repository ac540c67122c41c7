namespace FundingArb.Kernel.Internal;

/// <summary>
/// The state most actors never use (watchers, timeouts, async handlers, supervision records), kept out of
/// the cell so an idle actor stays small; created on first use. Each field has one writer: the cell's own
/// thread, except <see cref="RestartStats"/> (the parent's thread).
/// </summary>
internal sealed class CellExtras
{
    public ChildRestartStats? RestartStats;
    public ILoggingAdapter? Logger;
    public ActorSynchronizationContext? SynchronizationContext;
    public Task? RunningTask;
    public IActorRef? Perpetrator;
    public ActorCell.ReceiveTimeoutTimer? ReceiveTimeout;
    public Dictionary<IActorRef, object?>? Watching;
    public HashSet<IActorRef>? WatchedBy;
    public Dictionary<IActorRef, object?>? TerminatedQueued;
}
