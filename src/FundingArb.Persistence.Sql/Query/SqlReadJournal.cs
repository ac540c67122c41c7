using System.Runtime.CompilerServices;
using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams.Dsl;

namespace FundingArb.Persistence.Sql.Query;

/// <summary>
/// Akka.Persistence.Query over the SQL journal tables (<c>akka.persistence.query.journal.fundingarb-sqlite</c> or
/// <c>-postgresql</c>). Offsets are <see cref="Sequence"/>s of the <c>ordering</c> column, exclusive: a query
/// from offset N starts after N. Current queries run to the highest row at their start; live queries page
/// through what exists and then look again every refresh interval, on the system's scheduler.
/// A row that cannot be read fails the stream after the rows before it, with an
/// <see cref="Serialization.EventDeserializationException"/> carrying its offset.
/// </summary>
public sealed class SqlReadJournal :
    IEventsByPersistenceIdQuery,
    ICurrentEventsByPersistenceIdQuery,
    IEventsByTagQuery,
    ICurrentEventsByTagQuery,
    IAllEventsQuery,
    ICurrentAllEventsQuery,
    IPersistenceIdsQuery,
    ICurrentPersistenceIdsQuery
{
    private readonly QueryPages _pages;
    private readonly IScheduler _scheduler;
    private readonly SqlReadJournalSettings _settings;

    internal SqlReadJournal(QueryPages pages, IScheduler scheduler, SqlReadJournalSettings settings)
    {
        _pages = pages;
        _scheduler = scheduler;
        _settings = settings;
    }

    public Source<EventEnvelope, NotUsed> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return Source.From(() => ByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: true, CancellationToken.None));
    }

    public Source<EventEnvelope, NotUsed> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return Source.From(() => ByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: false, CancellationToken.None));
    }

    public Source<EventEnvelope, NotUsed> EventsByTag(string tag, Offset offset)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var after = After(offset);
        return Source.From(() => ByOffset((a, u, m, ct) => _pages.EventsByTagAsync(tag, a, u, m, ct), after, live: true, CancellationToken.None));
    }

    public Source<EventEnvelope, NotUsed> CurrentEventsByTag(string tag, Offset offset)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var after = After(offset);
        return Source.From(() => ByOffset((a, u, m, ct) => _pages.EventsByTagAsync(tag, a, u, m, ct), after, live: false, CancellationToken.None));
    }

    public Source<EventEnvelope, NotUsed> AllEvents(Offset offset)
    {
        var after = After(offset);
        return Source.From(() => ByOffset(_pages.AllEventsAsync, after, live: true, CancellationToken.None));
    }

    public Source<EventEnvelope, NotUsed> CurrentAllEvents(Offset offset)
    {
        var after = After(offset);
        return Source.From(() => ByOffset(_pages.AllEventsAsync, after, live: false, CancellationToken.None));
    }

    public Source<string, NotUsed> PersistenceIds() => Source.From(() => Ids(live: true, CancellationToken.None));

    public Source<string, NotUsed> CurrentPersistenceIds() => Source.From(() => Ids(live: false, CancellationToken.None));

    /// <summary>The ordering a query starts after: 0 for <see cref="NoOffset"/>.</summary>
    private static long After(Offset? offset) => offset switch
    {
        null or NoOffset => 0,
        Sequence sequence => sequence.Value,
        _ => throw new ArgumentException($"{offset.GetType().Name} is not supported: offsets are Sequence values of the ordering column.", nameof(offset)),
    };

    private async IAsyncEnumerable<EventEnvelope> ByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = Math.Max(fromSequenceNr, 1);
        var to = toSequenceNr;
        if (!live)
        {
            to = Math.Min(to, await _pages.HighestSequenceNrAsync(persistenceId, cancellationToken).ConfigureAwait(false));
        }

        while (from <= to)
        {
            var page = await _pages.EventsByPersistenceIdAsync(persistenceId, from, to, _settings.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var envelope in page)
            {
                from = envelope.SequenceNr + 1;
                yield return envelope;
            }

            // A current query runs to the bound it read at its start; a short page (one may end before a row that cannot be
            // read, which the next page then fails on) ends it only when it is empty.
            if (live ? page.Count < _settings.PageSize && !await WaitAsync(cancellationToken).ConfigureAwait(false) : page.Count == 0)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<EventEnvelope> ByOffset(
        Func<long, long, int, CancellationToken, Task<IReadOnlyList<EventEnvelope>>> read, long offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = offset;
        var upTo = live ? long.MaxValue : await _pages.HighestOffsetAsync(cancellationToken).ConfigureAwait(false);
        while (after < upTo)
        {
            var page = await read(after, upTo, _settings.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var envelope in page)
            {
                after = ((Sequence)envelope.Offset).Value;
                yield return envelope;
            }

            if (live ? page.Count < _settings.PageSize && !await WaitAsync(cancellationToken).ConfigureAwait(false) : page.Count == 0)
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
            var (ids, offset) = await _pages.PersistenceIdsAsync(after, cancellationToken).ConfigureAwait(false);
            after = Math.Max(after, offset);
            foreach (var id in ids)
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

    /// <summary>Waits one refresh interval on the system's scheduler (so a test scheduler drives it); false when cancelled.</summary>
    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = new Cancelable(_scheduler);
        _scheduler.Advanced.ScheduleOnce(_settings.RefreshInterval, () => elapsed.TrySetResult(), timer);
        await using (cancellationToken.Register(() => elapsed.TrySetCanceled(cancellationToken)).ConfigureAwait(false))
        {
            try
            {
                await elapsed.Task.ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                timer.Cancel();
                return false;
            }
        }
    }
}
