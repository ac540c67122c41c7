using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Persistence.Sql.CrashHost;

/// <summary>
/// Persists atomic writes of three events, one after the other, forever; after each write it prints
/// <c>ack &lt;id&gt; &lt;sequence number&gt;</c>, the promise the crash test checks after the kill.
/// </summary>
internal sealed class CrashWriter : ReceivePersistentActor
{
    public CrashWriter(string persistenceId, TextWriter acks)
    {
        PersistenceId = persistenceId;
        Recover<CrashEvent>(_ => { });
        Recover<RecoveryCompleted>(_ => Self.Tell(Next.Instance));
        Command<Next>(_ =>
        {
            var first = LastSequenceNr + 1;
            PersistAll(Enumerable.Range(0, 3).Select(i => new CrashEvent(persistenceId, first + i, i)), e =>
            {
                if (e.Part == 2)
                {
                    acks.WriteLine($"ack {persistenceId} {e.SequenceNr}");
                    Self.Tell(Next.Instance);
                }
            });
        });
    }

    public override string PersistenceId { get; }

    private sealed class Next
    {
        public static readonly Next Instance = new();
    }
}
