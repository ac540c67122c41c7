namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>
/// A stored row that Akka's serialization cannot read: its serializer id is not registered, the serializer does
/// not know its manifest, or its bytes do not fit. Recovery of that persistence id fails (the actor stops with
/// this error); other actors are not affected. A persistence query that meets the row fails with this error
/// carrying the row's <see cref="Offset"/>, so a reader can resume after it.
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

    public EventDeserializationException(string persistenceId, long sequenceNr, int? serializerId, string manifest, Exception innerException)
        : base($"Cannot read the row of {persistenceId} at sequence number {sequenceNr} stored by serializer {serializerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} under manifest '{manifest}': {innerException?.Message}", innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        SerializerId = serializerId;
        Manifest = manifest;
    }

    /// <summary>The same error, at the row's journal offset (its <c>ordering</c>), as a query met it.</summary>
    public EventDeserializationException(EventDeserializationException error, long offset)
        : base($"{error?.Message} (journal offset {offset})", error)
    {
        ArgumentNullException.ThrowIfNull(error);
        PersistenceId = error.PersistenceId;
        SequenceNr = error.SequenceNr;
        SerializerId = error.SerializerId;
        Manifest = error.Manifest;
        Offset = offset;
    }

    public string? PersistenceId { get; }

    public long SequenceNr { get; }

    /// <summary>The <c>identifier</c> (journal) or <c>serializer_id</c> (snapshot) stored with the row.</summary>
    public int? SerializerId { get; }

    /// <summary>The manifest stored with the row.</summary>
    public string? Manifest { get; }

    /// <summary>The row's journal offset, when a persistence query met it; a query resumed after it skips the row.</summary>
    public long? Offset { get; }
}
