using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// A persistent actor for the store tests: it persists labelled amounts, keeps their sum and count,
/// snapshots on request, and reports what it does to a probe.
/// </summary>
public sealed class LedgerActor : ReceivePersistentActor
{
    private readonly IActorRef _reportTo;
    private LedgerState _state = new(0, 0, "");

    public LedgerActor(string persistenceId, IActorRef reportTo, string? journalPluginId = null, string? snapshotPluginId = null)
    {
        PersistenceId = persistenceId;
        _reportTo = reportTo;
        JournalPluginId = journalPluginId;
        SnapshotPluginId = snapshotPluginId;

        Recover<SnapshotOffer>(offer =>
        {
            _state = (LedgerState)offer.Snapshot;
            _reportTo.Tell(new SnapshotOffered(offer.Metadata.SequenceNr, _state));
        });
        Recover<TestPayload>(Apply);
        Recover<RecoveryCompleted>(_ => _reportTo.Tell(new Recovered(_state, LastSequenceNr)));

        Command<Add>(add => Persist(new TestPayload(add.Label, add.Amount), e =>
        {
            Apply(e);
            Sender.Tell(new Added(LastSequenceNr));
        }));
        Command<AddMany>(add => PersistAll(Enumerable.Range(1, add.Count).Select(i => new TestPayload($"{add.Label}-{i}", add.Amount)), e =>
        {
            Apply(e);
            if (_state.Count % add.Count == 0)
            {
                Sender.Tell(new Added(LastSequenceNr));
            }
        }));
        Command<Snap>(snap =>
        {
            _state = _state with { Label = snap.Label };
            SaveSnapshot(_state);
        });
        Command<Delete>(d => DeleteMessages(d.ToSequenceNr));
        Command<Get>(_ => Sender.Tell(new Recovered(_state, LastSequenceNr)));
        Command<SaveSnapshotSuccess>(s => _reportTo.Tell(s));
        Command<SaveSnapshotFailure>(f => _reportTo.Tell(f));
        Command<DeleteMessagesSuccess>(s => _reportTo.Tell(s));
        Command<DeleteMessagesFailure>(f => _reportTo.Tell(f));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IActorRef reportTo, string? journalPluginId = null, string? snapshotPluginId = null) =>
        Akka.Actor.Props.Create(() => new LedgerActor(persistenceId, reportTo, journalPluginId, snapshotPluginId));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reportTo.Tell(new PersistFailed(cause, sequenceNr));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _reportTo.Tell(new RecoveryFailed(reason));
        base.OnRecoveryFailure(reason, message);
    }

    private void Apply(TestPayload e) => _state = _state with { Total = _state.Total + e.Amount, Count = _state.Count + 1, Label = e.Text };

    public sealed record Add(string Label, decimal Amount);

    public sealed record AddMany(string Label, int Count, decimal Amount);

    public sealed record Added(long SequenceNr);

    public sealed record Snap(string Label);

    public sealed record Delete(long ToSequenceNr);

    public sealed record Get;

    public sealed record Recovered(LedgerState State, long LastSequenceNr);

    public sealed record SnapshotOffered(long SequenceNr, LedgerState State);

    public sealed record PersistFailed(Exception Cause, long SequenceNr);

    public sealed record RecoveryFailed(Exception Cause);
}
