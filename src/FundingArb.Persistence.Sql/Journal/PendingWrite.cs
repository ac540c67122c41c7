namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// The serialised atomic writes of one WriteMessagesAsync call, waiting for the group commit that takes
/// them. They are committed together or not at all, since they come from one persistent actor.
/// </summary>
internal sealed class PendingWrite(IReadOnlyList<JournalRow> rows)
{
    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<JournalRow> Rows { get; } = rows;

    /// <summary>Completes when the rows are committed; faults when they were not, or may not have been.</summary>
    public Task Stored => _stored.Task;

    public void Complete() => _stored.TrySetResult();

    public void Fail(Exception cause) => _stored.TrySetException(cause);
}
