namespace FundingArb.Kernel.Persistence;

/// <summary>
/// A write at a sequence number already stored for its persistence id: two writers for one id. The journal
/// treats it as a failure (the writer stops), never as a rejection.
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

    public JournalConcurrencyException(string persistenceId, long expectedSequenceNr, long actualSequenceNr)
        : base($"Persistence id [{persistenceId}] expected sequence number {expectedSequenceNr} but a write used {actualSequenceNr}: another writer is active.")
    {
        PersistenceId = persistenceId;
        ExpectedSequenceNr = expectedSequenceNr;
        ActualSequenceNr = actualSequenceNr;
    }

    public string? PersistenceId { get; }

    public long ExpectedSequenceNr { get; }

    public long ActualSequenceNr { get; }
}
