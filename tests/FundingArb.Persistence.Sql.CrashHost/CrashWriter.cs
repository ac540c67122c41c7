using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;

namespace FundingArb.Persistence.Sql.CrashHost;

/// <summary>
/// Persists atomic writes of three events, one after the other, forever; after each write it prints
/// <c>ack &lt;id&gt; &lt;sequence number&gt;</c>, the promise the crash test checks after the kill.
/// </summary>
internal sealed class CrashWriter : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly string _pluginId;

    public CrashWriter(string persistenceId, string pluginId, TextWriter acks)
    {
        _persistenceId = persistenceId;
        _pluginId = pluginId;
        Recover<CrashEvent>(_ => { });
        Recover<RecoveryCompleted>(_ => Self.Tell(Next.Instance));
        Command<Next>(_ =>
        {
            var first = LastSequenceNr + 1;
            PersistAll(Enumerable.Range(0, 3).Select(i => new CrashEvent(_persistenceId, first + i, i)), e =>
            {
                if (e.Part == 2)
                {
                    acks.WriteLine($"ack {_persistenceId} {e.SequenceNr}");
                    Self.Tell(Next.Instance);
                }
            });
        });
    }

    public override string PersistenceId => _persistenceId;

    public override string? JournalPluginId => _pluginId;

    private sealed class Next
    {
        public static readonly Next Instance = new();
    }
}
