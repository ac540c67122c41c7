using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;

namespace FundingArb.Actors.Simulation;

// A simulation must see the journal answer within the step that wrote to it, or actors would interleave with a
// database's thread timing; so every call waits for the store here and hands back a finished task. The store
// outlives the actor systems of a run (crash-and-restart starts a new one on the same store), so disposing this
// wrapper (when a system terminates) leaves the store open; its owner disposes it.

/// Wraps a journal for simulations: synchronous answers, and a lifetime longer than any one actor system.
public sealed class SimulationJournal(AsyncWriteJournal store) : AsyncWriteJournal
{
    /// Events written through this wrapper so far, across every actor system of the run.
    public long Written { get; private set; }

    /// Crash-test hook: the simulation kills the node as soon as Written reaches this.
    public long? CrashAfter { get; set; }

    public bool CrashDue => CrashAfter is { } after && Written >= after;

    /// The persistence id of the last event written.
    public string? LastWriter { get; private set; }

    public override Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var results = store.WriteMessagesAsync(messages, cancellationToken).GetAwaiter().GetResult();
        for (var i = 0; i < messages.Count; i++)
        {
            if (results is null || results[i] is null)
            {
                Written += messages[i].Payload.Length;
                LastWriter = messages[i].Payload[^1].PersistenceId;
            }
        }

        return Task.FromResult(results);
    }

    public override Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<Persistent> recoveryCallback,
        CancellationToken cancellationToken)
    {
        store.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken).GetAwaiter().GetResult();
        return Task.CompletedTask;
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        Task.FromResult(store.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken).GetAwaiter().GetResult());

    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        store.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken).GetAwaiter().GetResult();
        return Task.CompletedTask;
    }
}
