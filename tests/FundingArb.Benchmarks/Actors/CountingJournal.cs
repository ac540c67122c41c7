using System.Diagnostics;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;

namespace FundingArb.Benchmarks.Actors;

// Called by the journal actor (one write at a time, on a pool thread) and awaited by the benchmark's driver; the
// counts and waits are guarded by one lock. The wrapped store is not owned: a system that terminates disposes this
// wrapper, and the next round's system reads the same store.

/// A journal that counts what it is given by event type and lets a benchmark await "the n-th event of type T is
/// stored" (completed with the Stopwatch timestamp of that write). Without a store it keeps nothing, as a SQL
/// journal keeps nothing in the node's memory; replays then find nothing.
internal sealed class CountingJournal(AsyncWriteJournal? store) : AsyncWriteJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, long> _counts = [];
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly List<(Type Type, long Count, TaskCompletionSource<long> Done)> _waits = [];

    /// The persistence id of the last write of each event type.
    private readonly Dictionary<Type, string> _lastWriter = [];
    private readonly Dictionary<Type, long> _lastWrittenAt = [];

    public long Count<T>()
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(typeof(T));
        }
    }

    public string? LastWriterOf<T>()
    {
        lock (_gate)
        {
            return _lastWriter.GetValueOrDefault(typeof(T));
        }
    }

    /// The Stopwatch timestamp of the last write of an event of type T (0 if none).
    public long LastWrittenAt<T>()
    {
        lock (_gate)
        {
            return _lastWrittenAt.GetValueOrDefault(typeof(T));
        }
    }

    /// Completes when count events of type T have been written in all (at once if they already have).
    public Task<long> WhenWritten<T>(long count)
    {
        lock (_gate)
        {
            if (_counts.GetValueOrDefault(typeof(T)) >= count)
            {
                return Task.FromResult(Stopwatch.GetTimestamp());
            }

            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((typeof(T), count, done));
            return done.Task;
        }
    }

    public override async Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var results = store is null ? null : await store.WriteMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (results is not null && results[i] is not null)
                {
                    continue;
                }

                var write = messages[i];
                _highest[write.PersistenceId] = write.HighestSequenceNr;
                foreach (var persistent in write.Payload)
                {
                    var type = persistent.Payload.GetType();
                    _counts[type] = _counts.GetValueOrDefault(type) + 1;
                    _lastWriter[type] = persistent.PersistenceId;
                    _lastWrittenAt[type] = now;
                }
            }

            for (var i = _waits.Count - 1; i >= 0; i--)
            {
                var (type, count, done) = _waits[i];
                if (_counts.GetValueOrDefault(type) >= count)
                {
                    _waits.RemoveAt(i);
                    done.TrySetResult(now);
                }
            }
        }

        return results;
    }

    public override Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<Persistent> recoveryCallback,
        CancellationToken cancellationToken) =>
        store?.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken) ?? Task.CompletedTask;

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (store is not null)
        {
            return store.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_highest.GetValueOrDefault(persistenceId));
        }
    }

    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        store?.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken) ?? Task.CompletedTask;
}
