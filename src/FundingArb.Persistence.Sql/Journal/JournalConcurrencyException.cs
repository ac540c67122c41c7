namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// A write met a row already stored at one of its (persistence id, sequence number) keys: another writer for
/// the same persistence id is active. The write fails and its persistent actor stops; the key is the last
/// line of defence against two owners of one entity.
/// </summary>
public sealed class JournalConcurrencyException : Exception
{
    public JournalConcurrencyException()
    {
    }

    public JournalConcurrencyException(string message)
        : base(message)
    {
    }

    public JournalConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JournalConcurrencyException(string persistenceId, long fromSequenceNr, long toSequenceNr, Exception innerException)
        : base($"Persistence id [{persistenceId}] already has an event at a sequence number from {fromSequenceNr} to {toSequenceNr}: another writer is active.", innerException)
    {
        PersistenceId = persistenceId;
        FromSequenceNr = fromSequenceNr;
        ToSequenceNr = toSequenceNr;
    }

    public string? PersistenceId { get; }

    /// <summary>The first sequence number of the failed write (inclusive).</summary>
    public long FromSequenceNr { get; }

    /// <summary>The last sequence number of the failed write (inclusive).</summary>
    public long ToSequenceNr { get; }
}
