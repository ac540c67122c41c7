using System.Runtime.CompilerServices;

namespace FundingArb.Kernel.Persistence.Query;

/// <summary>
/// Persistence queries over a journal, after Akka.Persistence.Query, as async streams (there are no
/// Akka.Streams here). A <c>Current…</c> query delivers what is stored when it starts and completes; a live
/// query keeps polling every <see cref="ReadJournalSettings.RefreshInterval"/> on the given clock and
/// completes when its token is cancelled (without throwing). A store implements the page reads; paging,
/// polling and completion live here, once for every store.
/// </summary>
/// <remarks>
/// Offsets are the journal's global ordering, exclusive: <c>EventsByTag(tag, 0)</c> starts at the first
/// event, <c>EventsByTag(tag, n)</c> after the event at offset n. A store must never make visible a row with
/// an offset below one already visible, or live queries would skip it.
/// </remarks>
public abstract class ReadJournal : IAsyncDisposable
{
    protected ReadJournal(TimeProvider timeProvider, ReadJournalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.PageSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RefreshInterval, TimeSpan.Zero);
        TimeProvider = timeProvider;
        Settings = settings;
    }

    /// <summary>The clock live queries wait on.</summary>
    public TimeProvider TimeProvider { get; }

    public ReadJournalSettings Settings { get; }

    /// <summary>The events of <paramref name="persistenceId"/> from <paramref name="fromSequenceNr"/> to <paramref name="toSequenceNr"/> (inclusive) stored now.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return ByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: false, cancellationToken);
    }

    /// <summary>The events of <paramref name="persistenceId"/> from <paramref name="fromSequenceNr"/> on, as they are stored, until <paramref name="toSequenceNr"/> or cancellation.</summary>
    public IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return ByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: true, cancellationToken);
    }

    /// <summary>The events tagged <paramref name="tag"/> after <paramref name="offset"/>, up to the newest stored now, in offset order.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return ByOffset((after, upTo, max, ct) => ReadEventsByTagAsync(tag, after, upTo, max, ct), offset, live: false, cancellationToken);
    }

    /// <summary>The events tagged <paramref name="tag"/> after <paramref name="offset"/>, then every new one, until cancellation.</summary>
    public IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return ByOffset((after, upTo, max, ct) => ReadEventsByTagAsync(tag, after, upTo, max, ct), offset, live: true, cancellationToken);
    }

    /// <summary>Every event after <paramref name="offset"/>, up to the newest stored now, in offset order.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentAllEvents(long offset, CancellationToken cancellationToken = default) =>
        ByOffset(ReadAllEventsAsync, offset, live: false, cancellationToken);

    /// <summary>Every event after <paramref name="offset"/>, then every new one, until cancellation.</summary>
    public IAsyncEnumerable<EventEnvelope> AllEvents(long offset, CancellationToken cancellationToken = default) =>
        ByOffset(ReadAllEventsAsync, offset, live: true, cancellationToken);

    /// <summary>Each persistence id with events in the journal now, once.</summary>
    public IAsyncEnumerable<string> CurrentPersistenceIds(CancellationToken cancellationToken = default) =>
        Ids(live: false, cancellationToken);

    /// <summary>Each persistence id with events, once, including ids that appear later, until cancellation.</summary>
    public IAsyncEnumerable<string> PersistenceIds(CancellationToken cancellationToken = default) =>
        Ids(live: true, cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Up to <paramref name="max"/> undeleted events of the id within the inclusive range, in sequence order.</summary>
    protected abstract Task<IReadOnlyList<EventEnvelope>> ReadEventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> undeleted events tagged <paramref name="tag"/> with afterOffset &lt; offset &lt;= upToOffset, in offset order.</summary>
    protected abstract Task<IReadOnlyList<EventEnvelope>> ReadEventsByTagAsync(string tag, long afterOffset, long upToOffset, int max, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> undeleted events with afterOffset &lt; offset &lt;= upToOffset, in offset order.</summary>
    protected abstract Task<IReadOnlyList<EventEnvelope>> ReadAllEventsAsync(long afterOffset, long upToOffset, int max, CancellationToken cancellationToken);

    /// <summary>The highest offset stored, 0 when the journal is empty.</summary>
    protected abstract Task<long> ReadHighestOffsetAsync(CancellationToken cancellationToken);

    /// <summary>The highest sequence number stored for the id, 0 when none.</summary>
    protected abstract Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>The ids with events after <paramref name="afterOffset"/> (0: every id ever written), and the offset reached.</summary>
    protected abstract Task<PersistenceIdsPage> ReadPersistenceIdsAsync(long afterOffset, CancellationToken cancellationToken);

    private async IAsyncEnumerable<EventEnvelope> ByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = Math.Max(fromSequenceNr, 1);
        var to = toSequenceNr;
        if (!live)
        {
            var highest = await Guard(ReadHighestSequenceNrAsync(persistenceId, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (highest is not { } h)
            {
                yield break;
            }

            to = Math.Min(to, h);
        }

        while (from <= to)
        {
            var page = await Guard(ReadEventsByPersistenceIdAsync(persistenceId, from, to, Settings.PageSize, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            foreach (var envelope in page)
            {
                from = envelope.SequenceNr + 1;
                yield return envelope;
            }

            // A current query runs to the bound it read at its start; a short page (a journal may end one before a row
            // it cannot read) ends it only when it is empty.
            if (live ? page.Count < Settings.PageSize && !await WaitAsync(cancellationToken).ConfigureAwait(false) : page.Count == 0)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<EventEnvelope> ByOffset(
        Func<long, long, int, CancellationToken, Task<IReadOnlyList<EventEnvelope>>> read, long offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = offset;
        var upTo = long.MaxValue;
        if (!live)
        {
            var highest = await Guard(ReadHighestOffsetAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            if (highest is not { } h)
            {
                yield break;
            }

            upTo = h;
        }

        while (after < upTo)
        {
            var page = await Guard(read(after, upTo, Settings.PageSize, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            foreach (var envelope in page)
            {
                after = envelope.Offset;
                yield return envelope;
            }

            // A current query runs to the bound it read at its start; a short page (a journal may end one before a row
            // it cannot read) ends it only when it is empty.
            if (live ? page.Count < Settings.PageSize && !await WaitAsync(cancellationToken).ConfigureAwait(false) : page.Count == 0)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<string> Ids(bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var after = 0L;
        while (true)
        {
            var page = await Guard(ReadPersistenceIdsAsync(after, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            after = Math.Max(after, page.Offset);
            foreach (var id in page.PersistenceIds)
            {
                if (seen.Add(id))
                {
                    yield return id;
                }
            }

            if (!live || !await WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    /// <summary>Waits one refresh interval; false when cancelled, which completes the query.</summary>
    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Settings.RefreshInterval, TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The result, or null when the token was cancelled: a cancelled query completes, it does not fail.</summary>
    private static async Task<T?> Guard<T>(Task<T> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<long?> Guard(Task<long> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
