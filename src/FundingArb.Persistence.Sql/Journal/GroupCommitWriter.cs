using System.Threading.Channels;
using Akka.Event;

namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// The group commit: persistent actors' writes queue here, and each of <c>parallelism</c> loops takes what
/// is queued (up to the batch size in rows) into one transaction. While a transaction is in flight the next
/// batch fills, so batches grow with the database's round trip and no timer is involved.
/// A duplicate (persistence id, sequence number) aborts the whole transaction; the batch is then written
/// again one pending write per transaction, so only the offending writer fails.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const int MaxSettleTurns = 64;
    private const int MaxIdleSettleTurns = 4;

    private readonly Channel<PendingWrite> _queue;
    private readonly JournalBatchWriter _writer;
    private readonly SqlDatabase _database;
    private readonly ILoggingAdapter _log;
    private readonly int _batchSize;
    private readonly Task[] _loops;

    public GroupCommitWriter(JournalBatchWriter writer, SqlDatabase database, ILoggingAdapter log, int batchSize, int queueSize, int parallelism)
    {
        _writer = writer;
        _database = database;
        _log = log;
        _batchSize = batchSize;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(queueSize)
        {
            SingleReader = parallelism == 1,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loops = [.. Enumerable.Range(0, parallelism).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Queues <paramref name="write"/>; false when the queue is full (the write was not taken).</summary>
    public bool TryEnqueue(PendingWrite write) => _queue.Writer.TryWrite(write);

    public async ValueTask DisposeAsync()
    {
        // Writes already queued are still committed: nothing taken from the queue is ever cancelled, since a
        // cancelled commit would leave its outcome unknown.
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingWrite>();
        PendingWrite? carried = null;
        var lastBatch = 1;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await SettleAsync(reader, lastBatch).ConfigureAwait(false);
            batch.Clear();
            var rows = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                rows = carried.Rows.Count;
                carried = null;
            }

            while (rows < _batchSize && reader.TryRead(out var next))
            {
                if (batch.Count > 0 && rows + next.Rows.Count > _batchSize)
                {
                    // Too big to join: it opens the next batch of this loop.
                    carried = next;
                    break;
                }

                batch.Add(next);
                rows += next.Rows.Count;
            }

            if (batch.Count > 0)
            {
                lastBatch = batch.Count;
                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Lets writes that are on their way join the batch. The writers of the last batch usually write again as
    /// soon as they hear back, so while fewer writes are queued than the last batch held, yield to the
    /// threads producing them; stop after a few turns without growth. Without it the first write back after
    /// a commit would go out alone and split every wave in two transactions. No timer is involved, and a
    /// lone writer (last batch of one) does not wait at all.
    /// </summary>
    private async Task SettleAsync(ChannelReader<PendingWrite> reader, int expected)
    {
        var seen = reader.Count;
        var idleTurns = 0;
        for (var turn = 0; turn < MaxSettleTurns && seen < expected && seen < _batchSize && idleTurns < MaxIdleSettleTurns; turn++)
        {
            await Task.Yield();
            var now = reader.Count;
            idleTurns = now == seen ? idleTurns + 1 : 0;
            seen = now;
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            await _writer.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            foreach (var write in batch)
            {
                write.Complete();
            }
        }
        catch (Exception exception) when (_database.IsUniqueViolation(exception) && batch.Count > 1)
        {
            // Nothing of this batch was stored; find the culprit by writing each pending write alone.
            foreach (var write in batch)
            {
                await WriteAloneAsync(write).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            SqlPersistenceLog.WriteBatchFailed(_log, exception, batch.Count, batch.Sum(w => w.Rows.Count));
            foreach (var write in batch)
            {
                write.Fail(Translate(exception, write));
            }
        }
    }

    private async Task WriteAloneAsync(PendingWrite write)
    {
        try
        {
            await _writer.WriteAsync([write], CancellationToken.None).ConfigureAwait(false);
            write.Complete();
        }
        catch (Exception exception)
        {
            write.Fail(Translate(exception, write));
        }
    }

    private Exception Translate(Exception exception, PendingWrite write)
    {
        if (!_database.IsUniqueViolation(exception))
        {
            return exception;
        }

        var first = write.Rows[0];
        SqlPersistenceLog.DuplicateSequenceNr(_log, first.PersistenceId, first.SequenceNr);
        return new JournalConcurrencyException(first.PersistenceId, first.SequenceNr, write.Rows[^1].SequenceNr, exception);
    }
}
