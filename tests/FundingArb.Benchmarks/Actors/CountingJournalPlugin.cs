using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace FundingArb.Benchmarks.Actors;

/// The journal plugin of a benchmark node: Akka's journal protocol over a CountingJournal, answered through completed
/// tasks as Akka's own in-memory journal answers.
internal sealed class CountingJournalPlugin(Config config) : AsyncWriteJournal
{
    private readonly CountingJournal _journal = CountingJournal.Find(config.GetString("counting-journal-id"));

    /// The configuration of a node whose journal is the given one.
    public static Config Config(CountingJournal journal) => ConfigurationFactory.ParseString($$"""
        akka.persistence.journal.plugin = "bench.counting-journal"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        bench.counting-journal {
          class = "{{typeof(CountingJournalPlugin).AssemblyQualifiedName}}"
          plugin-dispatcher = "akka.actor.default-dispatcher"
          counting-journal-id = "{{journal.Registered().Id}}"
          # Off as in the node's SQL journals (FundingArb.Persistence.Sql's reference.conf), so that a recovery here
          # replays the way the node's does, without a hop through Akka's filter actor per event.
          replay-filter.mode = off
        }
        """);

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        Action<IPersistentRepresentation> recoveryCallback)
    {
        foreach (var persistent in _journal.Events(persistenceId, fromSequenceNr, toSequenceNr, max))
        {
            recoveryCallback(persistent);
        }

        return Task.CompletedTask;
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        Task.FromResult(_journal.HighestSequenceNr(persistenceId));

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        foreach (var write in messages)
        {
            _journal.Write((IImmutableList<IPersistentRepresentation>)write.Payload);
        }

        return Task.FromResult<IImmutableList<Exception?>>(null!);
    }

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A benchmark keeps every event.");
}
