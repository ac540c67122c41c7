using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// JournalPerfSpec's BenchActor: persists one event per command with Persist (so each actor has one write
/// in flight), checks handlers run in order, and replies after <c>replyAfter</c> events or on recovery.
/// </summary>
internal sealed class BenchActor : ReceivePersistentActor
{
    private long _count;

    public BenchActor(string persistenceId, string journalPluginId, IActorRef reportTo, long replyAfter)
    {
        PersistenceId = persistenceId;
        JournalPluginId = journalPluginId;
        Recover<BenchEvent>(_ => _count++);
        Recover<RecoveryCompleted>(_ => reportTo.Tell(new Recovered(_count)));
        Command<BenchEvent>(command => Persist(command, e =>
        {
            if (e.Value != ++_count)
            {
                throw new InvalidOperationException($"Handler of event {e.Value} ran as number {_count}.");
            }

            if (replyAfter == 0 || _count % replyAfter == 0)
            {
                Sender.Tell(new Done(_count));
            }
        }));
    }

    public override string PersistenceId { get; }

    public sealed record Recovered(long Count);

    public sealed record Done(long Count);
}
