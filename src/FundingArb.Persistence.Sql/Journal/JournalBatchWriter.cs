using FundingArb.Persistence.Sql.PostgreSql;
using FundingArb.Persistence.Sql.Sqlite;

namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// Writes the rows of several pending writes in one transaction, in the order given: all of them are
/// committed, or the method throws and none is. An exception thrown by the commit itself leaves the outcome
/// unknown; the caller treats every exception as a failure of the whole batch.
/// </summary>
internal abstract class JournalBatchWriter : IAsyncDisposable
{
    /// <summary>The batch writer of <paramref name="database"/>'s engine; <paramref name="sqliteSynchronous"/> is SQLite's sync pragma.</summary>
    public static JournalBatchWriter For(SqlDatabase database, string sqliteSynchronous) => database switch
    {
        SqliteDatabase sqlite => new SqliteJournalBatchWriter(sqlite, sqliteSynchronous),
        PostgreSqlDatabase postgres => new PostgreSqlJournalBatchWriter(postgres),
        _ => throw new InvalidOperationException($"No batch writer for {database.Provider}."),
    };

    public abstract Task WriteAsync(IReadOnlyList<PendingWrite> batch, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
