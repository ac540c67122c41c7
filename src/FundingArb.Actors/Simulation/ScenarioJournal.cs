using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Actors.Simulation;

// A run's events outlive each actor system of the run (a crash-and-restart starts a new system on the same journal),
// so they live here rather than in a journal actor. Only the simulation's thread touches it: a journal actor writes
// and replays during a mailbox run, and the runner reads between runs.

/// The journal of one scenario run, in memory: every event by persistence id, with the crash tests' hook.
public sealed class ScenarioJournal
{
    private readonly Dictionary<string, List<IPersistentRepresentation>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SelectedSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly List<ImmutableArray<IPersistentRepresentation>> _writes = [];

    /// Events written so far, across every actor system of the run.
    public long Written { get; private set; }

    /// Crash-test hook: the simulation kills the node as soon as Written reaches this.
    public long? CrashAfter { get; set; }

    public bool CrashDue => CrashAfter is { } after && Written >= after;

    /// The persistence id of the last event written.
    public string? LastWriter { get; private set; }

    public IEnumerable<string> PersistenceIds => _events.Keys;

    /// Every atomic write in the order the journal took them: what was written together.
    public IReadOnlyList<ImmutableArray<IPersistentRepresentation>> Writes => _writes;

    /// The persistence id's events in sequence order: what a replay delivers.
    public ImmutableArray<IPersistentRepresentation> Events(string persistenceId) =>
        _events.TryGetValue(persistenceId, out var events) ? [.. events] : [];

    public long HighestSequenceNr(string persistenceId) =>
        _events.TryGetValue(persistenceId, out var events) && events.Count > 0 ? events[^1].SequenceNr : 0L;

    /// One atomic write, whole: the events are stored without the sender they were persisted with.
    internal void Append(IReadOnlyList<IPersistentRepresentation> events)
    {
        foreach (var persistent in events)
        {
            if (!_events.TryGetValue(persistent.PersistenceId, out var stored))
            {
                _events[persistent.PersistenceId] = stored = [];
            }

            if (persistent.SequenceNr != HighestSequenceNr(persistent.PersistenceId) + 1)
            {
                throw new InvalidOperationException(
                    $"{persistent.PersistenceId} wrote sequence number {persistent.SequenceNr} after {HighestSequenceNr(persistent.PersistenceId)}: two writers?");
            }

            stored.Add(persistent.Update(persistent.SequenceNr, persistent.PersistenceId, persistent.IsDeleted, ActorRefs.NoSender, persistent.WriterGuid));
        }

        _writes.Add([.. events]);
        Written += events.Count;
        LastWriter = events[^1].PersistenceId;
    }

    internal void SaveSnapshot(SnapshotMetadata metadata, object snapshot) => _snapshots[metadata.PersistenceId] = new SelectedSnapshot(metadata, snapshot);

    internal SelectedSnapshot? LoadSnapshot(string persistenceId, SnapshotSelectionCriteria criteria) =>
        _snapshots.TryGetValue(persistenceId, out var snapshot) && snapshot.Metadata.SequenceNr <= criteria.MaxSequenceNr
            && snapshot.Metadata.Timestamp <= criteria.MaxTimeStamp
            ? snapshot
            : null;
}
