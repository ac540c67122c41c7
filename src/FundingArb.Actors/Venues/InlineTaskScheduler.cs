namespace FundingArb.Actors.Venues;

/// Runs a continuation on the thread that completed its task. Venue answers are piped to actors through it, so
/// on a virtual clock an answer reaches its actor's mailbox inside the Advance that produced it, in the venue's
/// order; the continuations it runs only Tell.
internal sealed class InlineTaskScheduler : TaskScheduler
{
    public static InlineTaskScheduler Instance { get; } = new();

    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
