using Akka.Event;

namespace FundingArb.Persistence.Sql;

/// <summary>
/// Every log line of FundingArb.Persistence.Sql, with its stable event id (the first property of each
/// template), so that operators can search and alert on them.
/// </summary>
internal static class SqlPersistenceLog
{
    public const int WriteBatchFailedId = 3001;
    public const int DuplicateSequenceNrId = 3002;
    public const int QueueFullId = 3003;
    public const int ReplayFailedId = 3004;
    public const int StoreOpenedId = 3005;
    public const int CloseFailedId = 3006;

    public static void WriteBatchFailed(ILoggingAdapter log, Exception cause, int writes, int rows) =>
        log.Error(cause, "[{EventId}] A journal transaction of {Writes} writes ({Rows} events) failed; each of its writers stops", WriteBatchFailedId, writes, rows);

    public static void DuplicateSequenceNr(ILoggingAdapter log, string persistenceId, long sequenceNr) =>
        log.Error("[{EventId}] {PersistenceId} already has an event at sequence number {SequenceNr}: a second writer is active", DuplicateSequenceNrId, persistenceId, sequenceNr);

    public static void QueueFull(ILoggingAdapter log, int queueSize) =>
        log.Warning("[{EventId}] The journal write queue is full ({QueueSize} writes); the write fails", QueueFullId, queueSize);

    public static void ReplayFailed(ILoggingAdapter log, Exception cause, string persistenceId) =>
        log.Error(cause, "[{EventId}] Replay of {PersistenceId} failed", ReplayFailedId, persistenceId);

    public static void StoreOpened(ILoggingAdapter log, string store, SqlProvider provider, string schema) =>
        log.Info("[{EventId}] {Store} opened on {Provider} (schema {Schema})", StoreOpenedId, store, provider, schema);

    public static void CloseFailed(ILoggingAdapter log, Exception cause, string store) =>
        log.Error(cause, "[{EventId}] Closing the {Store} failed", CloseFailedId, store);
}
