namespace FundingArb.Kernel.Persistence.Journal;

/// <summary>
/// The in-memory journal (plugin <c>inmem</c>), for tests and scenarios. One instance can be shared by
/// successive actor systems to simulate a process restart over the same journal. Each persistence id has
/// its own lock; <see cref="Ordering"/> numbers every stored event across ids, as the SQL journals do.
/// </summary>
public sealed class MemoryJournal : AsyncWriteJournal
{
    private readonly Dictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _ordering;

    /// <summary>Every stored event with its global ordering, oldest first (deleted ones excluded).</summary>
    public IReadOnlyList<(long Ordering, Persistent Event)> AllEvents()
    {
        lock (_gate)
        {
            return [.. _streams.Values.SelectMany(s => s.Events).Where(e => !e.Event.IsDeleted).OrderBy(e => e.Ordering)];
        }
    }

    /// <summary>The persistence ids with at least one event ever stored.</summary>
    public IReadOnlyList<string> PersistenceIds()
    {
        lock (_gate)
        {
            return [.. _streams.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>How many events were stored, deleted or not.</summary>
    public long Ordering
    {
        get
        {
            lock (_gate)
            {
                return _ordering;
            }
        }
    }

    public override Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var write in messages)
            {
                var stream = StreamOf(write.PersistenceId);
                if (write.LowestSequenceNr <= stream.Highest)
                {
                    throw new JournalConcurrencyException(write.PersistenceId, stream.Highest + 1, write.LowestSequenceNr);
                }
            }

            foreach (var write in messages)
            {
                var stream = StreamOf(write.PersistenceId);
                foreach (var persistent in write.Payload)
                {
                    stream.Events.Add((++_ordering, persistent));
                }

                stream.Highest = write.HighestSequenceNr;
            }
        }

        return Task.FromResult<IReadOnlyList<Exception?>?>(null);
    }

    public override Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<Persistent> recoveryCallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        List<Persistent> selected;
        lock (_gate)
        {
            selected = !_streams.TryGetValue(persistenceId, out var stream)
                ? []
                : [.. stream.Events
                    .Select(e => e.Event)
                    .Where(p => p.SequenceNr >= fromSequenceNr && p.SequenceNr <= toSequenceNr && !p.IsDeleted)
                    .Take((int)Math.Min(max, int.MaxValue))];
        }

        foreach (var persistent in selected)
        {
            recoveryCallback(persistent);
        }

        return Task.CompletedTask;
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_streams.TryGetValue(persistenceId, out var stream) ? stream.Highest : 0L);
        }
    }

    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(persistenceId, out var stream))
            {
                stream.Events.RemoveAll(e => e.Event.SequenceNr <= toSequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    private Stream StreamOf(string persistenceId)
    {
        if (!_streams.TryGetValue(persistenceId, out var stream))
        {
            stream = new Stream();
            _streams.Add(persistenceId, stream);
        }

        return stream;
    }

    private sealed class Stream
    {
        public List<(long Ordering, Persistent Event)> Events { get; } = [];

        /// <summary>Kept when events are deleted: the highest sequence number never goes down.</summary>
        public long Highest { get; set; }
    }
}
