using FundingArb.Kernel.Persistence;

namespace FundingArb.Kernel.Tests.Persistence;

/// <summary>A persistent counter used by the persistence tests; it reports what it does to a probe.</summary>
internal sealed class CounterActor : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly string? _journalPluginId;
    private readonly IActorRef _reportTo;
    private readonly Recovery? _recovery;
    private int _total;

    public CounterActor(string persistenceId, IActorRef reportTo, string? journalPluginId = null, Recovery? recovery = null)
    {
        _persistenceId = persistenceId;
        _reportTo = reportTo;
        _journalPluginId = journalPluginId;
        _recovery = recovery;

        Recover<Added>(e => _total += e.Amount);
        Recover<SnapshotOffer>(offer =>
        {
            _total = (int)offer.Snapshot;
            _reportTo.Tell(new SnapshotOffered(offer.Metadata.SequenceNr, _total));
        });
        Recover<RecoveryCompleted>(_ => _reportTo.Tell(new Recovered(_total, LastSequenceNr)));

        Command<Add>(add => Persist(new Added(add.Amount), e =>
        {
            _total += e.Amount;
            Sender.Tell(new Total(_total, LastSequenceNr));
        }));
        Command<AddAll>(add => PersistAll(add.Amounts.Select(a => new Added(a)), e =>
        {
            _total += e.Amount;
            Sender.Tell(new Total(_total, LastSequenceNr));
        }));
        Command<AddThenAdd>(add => Persist(new Added(add.First), e =>
        {
            _total += e.Amount;
            Persist(new Added(add.Second), e2 =>
            {
                _total += e2.Amount;
                Sender.Tell(new Total(_total, LastSequenceNr));
            });
        }));
        Command<Defer>(d =>
        {
            Persist(new Added(d.Amount), e => _total += e.Amount);
            DeferAsync("deferred", _ => Sender.Tell(new Total(_total, LastSequenceNr)));
        });
        Command<Get>(_ => Sender.Tell(new Total(_total, LastSequenceNr)));
        Command<Snap>(_ => SaveSnapshot(_total));
        Command<SaveSnapshotSuccess>(s => _reportTo.Tell(s));
        Command<Delete>(d => DeleteMessages(d.ToSequenceNr));
        Command<DeleteMessagesSuccess>(s => _reportTo.Tell(s));
        Command<DeleteMessagesFailure>(f => _reportTo.Tell(f));
        Command<Crash>(_ => throw new InvalidOperationException("crash"));
    }

    public override string PersistenceId => _persistenceId;

    public override string? JournalPluginId => _journalPluginId;

    public override Recovery Recovery => _recovery ?? base.Recovery;

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        _reportTo.Tell(new Rejected(@event, sequenceNr));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        _reportTo.Tell(new PersistFailed(@event, sequenceNr));

    public sealed record Add(int Amount);

    public sealed record AddAll(int[] Amounts);

    public sealed record AddThenAdd(int First, int Second);

    public sealed record Defer(int Amount);

    public sealed record Added(int Amount);

    public sealed record Get;

    public sealed record Snap;

    public sealed record Delete(long ToSequenceNr);

    public sealed record Crash;

    public sealed record Total(int Value, long SequenceNr);

    public sealed record Recovered(int Total, long LastSequenceNr);

    public sealed record SnapshotOffered(long SequenceNr, int Total);

    public sealed record Rejected(object Event, long SequenceNr);

    public sealed record PersistFailed(object Event, long SequenceNr);
}
