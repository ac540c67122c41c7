using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Persistence;

namespace FundingArb.Benchmarks.Actors;

// Written to by a node's journal actor (CountingJournalPlugin, or CountingEventAdapter in the SQLite journal: one write
// at a time, on a pool thread) and awaited by the benchmark's driver; the counts and waits are guarded by one lock. It
// outlives the actor systems that write to it: a restarted node's plugin finds the same counter (and store) under the
// same id.

/// Counts what a node's journal is given by event type and lets a benchmark await "the n-th event of type T is stored"
/// (completed with the Stopwatch timestamp of that write). With keepEvents it also holds the events, so a restart
/// replays them; without, it keeps nothing, as a SQL journal keeps nothing in the node's memory.
internal sealed class CountingJournal(bool keepEvents)
{
    private static readonly ConcurrentDictionary<string, CountingJournal> s_registered = new(StringComparer.Ordinal);
    private static long s_lastId;

    private readonly Lock _gate = new();
    private readonly Dictionary<Type, long> _counts = [];
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IPersistentRepresentation>> _events = new(StringComparer.Ordinal);
    private readonly List<(Type Type, long Count, TaskCompletionSource<long> Done)> _waits = [];
    private readonly Dictionary<Type, string> _lastWriter = [];

    /// The id a node's configuration names (CountingJournalPlugin.Config) to write here.
    public string Id { get; } = Register();

    public long Count<T>()
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(typeof(T));
        }
    }

    /// The persistence id of the last write of an event of type T.
    public string? LastWriterOf<T>()
    {
        lock (_gate)
        {
            return _lastWriter.GetValueOrDefault(typeof(T));
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

    /// Stores events as if a node had written them, without counting them (a seeded journal).
    public void Seed(IEnumerable<IPersistentRepresentation> events)
    {
        lock (_gate)
        {
            foreach (var persistent in events)
            {
                Keep(persistent);
            }
        }
    }

    public void Write(IEnumerable<IPersistentRepresentation> events)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            foreach (var persistent in events)
            {
                Tally(persistent.Payload.GetType());
                _lastWriter[persistent.Payload.GetType()] = persistent.PersistenceId;
                Keep(persistent);
            }

            Release(now);
        }
    }

    /// Counts one event a journal of its own is taking (CountingEventAdapter), without keeping it; its writer is not
    /// known there, so LastWriterOf does not see it.
    public void Taken(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            Tally(payload.GetType());
            Release(now);
        }
    }

    public List<IPersistentRepresentation> Events(string persistenceId, long from, long to, long max)
    {
        lock (_gate)
        {
            return _events.TryGetValue(persistenceId, out var events)
                ? [.. events.Where(p => p.SequenceNr >= from && p.SequenceNr <= to).Take((int)Math.Min(max, int.MaxValue))]
                : [];
        }
    }

    public long HighestSequenceNr(string persistenceId)
    {
        lock (_gate)
        {
            return _highest.GetValueOrDefault(persistenceId);
        }
    }

    internal static CountingJournal Find(string id) => s_registered[id];

    private static string Register() => Interlocked.Increment(ref s_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Tally(Type type) => _counts[type] = _counts.GetValueOrDefault(type) + 1;

    /// Completes the waits the counts now reach, with the timestamp of the write that reached them.
    private void Release(long now)
    {
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

    private void Keep(IPersistentRepresentation persistent)
    {
        _highest[persistent.PersistenceId] = Math.Max(_highest.GetValueOrDefault(persistent.PersistenceId), persistent.SequenceNr);
        if (!keepEvents)
        {
            return;
        }

        if (!_events.TryGetValue(persistent.PersistenceId, out var events))
        {
            _events[persistent.PersistenceId] = events = [];
        }

        events.Add(persistent);
    }

    /// Makes this journal findable by the plugins of the nodes that name its Id.
    public CountingJournal Registered()
    {
        s_registered[Id] = this;
        return this;
    }

    /// Once no node writes here any more: the registry no longer holds it (nor its events) alive.
    public void Unregister() => s_registered.TryRemove(Id, out _);
}
