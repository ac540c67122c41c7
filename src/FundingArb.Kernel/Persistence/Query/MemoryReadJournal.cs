using FundingArb.Kernel.Persistence.Journal;

namespace FundingArb.Kernel.Persistence.Query;

/// <summary>
/// Persistence queries over a <see cref="MemoryJournal"/>, for tests and scenarios: give it the same
/// instance the <c>inmem</c> journal plugin was registered with. Every read scans the journal.
/// </summary>
public sealed class MemoryReadJournal : ReadJournal
{
    private readonly MemoryJournal _journal;

    public MemoryReadJournal(MemoryJournal journal, TimeProvider timeProvider, ReadJournalSettings? settings = null)
        : base(timeProvider, settings ?? new ReadJournalSettings())
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
    }

    protected override Task<IReadOnlyList<EventEnvelope>> ReadEventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max, CancellationToken cancellationToken) =>
        Page(e => e.Event.PersistenceId == persistenceId && e.Event.SequenceNr >= fromSequenceNr && e.Event.SequenceNr <= toSequenceNr, max, cancellationToken);

    protected override Task<IReadOnlyList<EventEnvelope>> ReadEventsByTagAsync(string tag, long afterOffset, long upToOffset, int max, CancellationToken cancellationToken) =>
        Page(e => e.Ordering > afterOffset && e.Ordering <= upToOffset && !e.Event.Tags.IsDefault && e.Event.Tags.Contains(tag), max, cancellationToken);

    protected override Task<IReadOnlyList<EventEnvelope>> ReadAllEventsAsync(long afterOffset, long upToOffset, int max, CancellationToken cancellationToken) =>
        Page(e => e.Ordering > afterOffset && e.Ordering <= upToOffset, max, cancellationToken);

    protected override Task<long> ReadHighestOffsetAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<long>(cancellationToken) : Task.FromResult(_journal.Ordering);

    protected override Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) =>
        _journal.ReadHighestSequenceNrAsync(persistenceId, 0, cancellationToken);

    protected override Task<PersistenceIdsPage> ReadPersistenceIdsAsync(long afterOffset, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<PersistenceIdsPage>(cancellationToken);
        }

        // The offset is read first: every id with an event at or below it is in the list that follows.
        var offset = _journal.Ordering;
        IReadOnlyList<string> ids = afterOffset == 0
            ? _journal.PersistenceIds()
            : [.. _journal.AllEvents().Where(e => e.Ordering > afterOffset).Select(e => e.Event.PersistenceId).Distinct(StringComparer.Ordinal)];
        return Task.FromResult(new PersistenceIdsPage(ids, offset));
    }

    private Task<IReadOnlyList<EventEnvelope>> Page(Func<(long Ordering, Persistent Event), bool> filter, int max, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<EventEnvelope>>(cancellationToken);
        }

        IReadOnlyList<EventEnvelope> page = [.. _journal.AllEvents()
            .Where(filter)
            .Take(max)
            .Select(e => new EventEnvelope(e.Ordering, e.Event.PersistenceId, e.Event.SequenceNr, e.Event.Payload, e.Event.Timestamp, e.Event.Tags.IsDefault ? [] : e.Event.Tags))];
        return Task.FromResult(page);
    }
}
