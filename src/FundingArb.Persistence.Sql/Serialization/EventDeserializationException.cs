namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>
/// A stored row that cannot be read: its manifest is unknown, or its JSON does not fit the type. Recovery of
/// that persistence id fails (the actor stops with this error); other actors are not affected.
/// </summary>
public sealed class EventDeserializationException : Exception
{
    public EventDeserializationException()
    {
    }

    public EventDeserializationException(string message)
        : base(message)
    {
    }

    public EventDeserializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EventDeserializationException(string manifest, string persistenceId, long sequenceNr, Exception innerException)
        : base($"Cannot read the row of {persistenceId} at sequence number {sequenceNr} stored under manifest '{manifest}': {innerException?.Message}", innerException)
    {
        Manifest = manifest;
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The same error, at the row's journal offset (its <c>ordering</c>), as a query met it.</summary>
    public EventDeserializationException(EventDeserializationException error, long offset)
        : base(error?.Message, error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Manifest = error.Manifest;
        PersistenceId = error.PersistenceId;
        SequenceNr = error.SequenceNr;
        Offset = offset;
    }

    /// <summary>The manifest stored with the row.</summary>
    public string? Manifest { get; }

    public string? PersistenceId { get; }

    public long SequenceNr { get; }

    /// <summary>The row's journal offset, when a persistence query met it; a query resumed after it skips the row.</summary>
    public long? Offset { get; }
}
