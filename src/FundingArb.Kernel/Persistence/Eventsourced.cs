using System.Security.Cryptography;
using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// The machinery of a persistent actor, after Akka's Eventsourced. It recovers its state from a snapshot and
/// the journal before it takes any command, and it guarantees that no command is handled between a
/// <see cref="Persist{TEvent}"/> and the run of its handler (nor of any handler persisted from inside it):
/// such commands wait in an internal stash. A write that fails stops the actor (its state may not match
/// the journal); a write that is rejected skips the handler and the actor carries on.
/// </summary>
public abstract partial class Eventsourced : ActorBase, IWithUnboundedStash
{
    private static int s_instanceCounter;

    private readonly int _instanceId = Interlocked.Increment(ref s_instanceCounter);
    private readonly string _writerGuid = RandomNumberGenerator.GetHexString(32, lowercase: true);
    private readonly List<Envelope> _internalStash = [];
    private IActorRef? _journal;
    private IActorRef? _snapshotStore;
    private State _state = State.RecoveryStarted;
    private long _sequenceNr;

    private enum State
    {
        RecoveryStarted,
        Recovering,
        ProcessingCommands,
        PersistingEvents,
        RecoveryFailed,
    }

    /// <summary>Stable across incarnations and unique per entity in the journal.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The journal plugin to use; null for the default.</summary>
    public virtual string? JournalPluginId => null;

    /// <summary>The snapshot-store plugin to use; null for the default.</summary>
    public virtual string? SnapshotPluginId => null;

    /// <summary>How this actor recovers; by default from the newest snapshot and every later event.</summary>
    public virtual Recovery Recovery => Recovery.Default;

    /// <summary>The user stash; unstashed messages queue behind the internal stash, in order.</summary>
    public IStash Stash { get; set; } = null!;

    /// <summary>The sequence number of the last event persisted or replayed.</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number a snapshot taken now would carry.</summary>
    public long SnapshotSequenceNr => LastSequenceNr;

    /// <summary>True until <see cref="RecoveryCompleted"/> has been delivered.</summary>
    public bool IsRecovering => _state is State.RecoveryStarted or State.Recovering;

    public bool IsRecoveryFinished => !IsRecovering;

    private IActorRef Journal => _journal ??= Persistence.Get(Context.System).JournalFor(JournalPluginId);

    private IActorRef SnapshotStore => _snapshotStore ??= Persistence.Get(Context.System).SnapshotStoreFor(SnapshotPluginId);

    /// <summary>Handles events and snapshots during recovery, then <see cref="RecoveryCompleted"/>.</summary>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles commands once recovered.</summary>
    protected abstract bool ReceiveCommand(object message);

    protected internal sealed override bool Receive(object message) => ReceiveCommand(message);

    /// <summary>Saves a snapshot at <see cref="SnapshotSequenceNr"/>; the outcome arrives as a command.</summary>
    public void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(PersistenceId, SnapshotSequenceNr), snapshot), Self);
    }

    /// <summary>Deletes the snapshot at <paramref name="sequenceNr"/>; the outcome arrives as a command.</summary>
    public void DeleteSnapshot(long sequenceNr) =>
        SnapshotStore.Tell(new DeleteSnapshot(new SnapshotMetadata(PersistenceId, sequenceNr)), Self);

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>; the outcome arrives as a command.</summary>
    public void DeleteSnapshots(SnapshotSelectionCriteria criteria) =>
        SnapshotStore.Tell(new DeleteSnapshots(PersistenceId, criteria), Self);

    /// <summary>
    /// Deletes the events up to <paramref name="toSequenceNr"/> (<see cref="long.MaxValue"/>: up to
    /// <see cref="LastSequenceNr"/>); <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>
    /// arrives as a command. The highest sequence number is kept.
    /// </summary>
    public void DeleteMessages(long toSequenceNr)
    {
        if (toSequenceNr != long.MaxValue && toSequenceNr > LastSequenceNr)
        {
            Self.Tell(new DeleteMessagesFailure(
                new InvalidOperationException($"Cannot delete up to {toSequenceNr}: the last sequence number of {PersistenceId} is {LastSequenceNr}."),
                toSequenceNr), Self);
            return;
        }

        var to = toSequenceNr == long.MaxValue ? LastSequenceNr : toSequenceNr;
        Journal.Tell(new DeleteMessagesTo(PersistenceId, to, Self), Self);
    }

    /// <summary>Called when recovery failed; the actor stops after it. Logs the error by default.</summary>
    protected virtual void OnRecoveryFailure(Exception reason, object? message = null) =>
        Context.GetLogger().Error(reason, "Recovery of {PersistenceId} failed at event {Event}", PersistenceId, message);

    /// <summary>Called when a write failed or may have failed; the actor stops after it. Logs the error by default.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Context.GetLogger().Error(cause, "Failed to persist event {EventType} with sequence number {SequenceNr} for {PersistenceId}",
            @event.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when the journal rejected an event (it was not stored); the actor carries on. Logs a warning by default.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        Context.GetLogger().Warning(cause, "Rejected to persist event {EventType} with sequence number {SequenceNr} for {PersistenceId}",
            @event.GetType().Name, sequenceNr, PersistenceId);

    internal override IStash CreateStash(ActorCell cell) => new UnboundedStash(cell, PrependToInternalStashFromUser);

    internal override void AroundPreStart()
    {
        base.AroundPreStart();
        StartRecovery();
    }

    internal override void AroundPostRestart(Exception cause)
    {
        base.AroundPostRestart(cause);
        StartRecovery();
    }

    internal override void AroundPreRestart(Exception cause, object? message)
    {
        base.AroundPreRestart(cause, message);
        UnstashAllInternally();
    }

    internal override void AroundPostStop()
    {
        base.AroundPostStop();
        UnstashAllInternally();
    }

    internal override void AroundReceive(object message)
    {
        switch (_state)
        {
            case State.RecoveryStarted:
                ReceiveWhileStartingRecovery(message);
                break;
            case State.Recovering:
                ReceiveWhileRecovering(message);
                break;
            case State.ProcessingCommands:
                if (!TryHandleJournalResponse(message))
                {
                    ProcessCommand(message);
                }

                break;
            case State.PersistingEvents:
                if (!TryHandleJournalResponse(message))
                {
                    StashInternally();
                }

                break;
            case State.RecoveryFailed:
                StashInternally();
                break;
        }
    }

    internal override void AfterAsyncTurn()
    {
        if (_state == State.ProcessingCommands)
        {
            AfterCommand();
        }
    }

    private void ProcessCommand(object message)
    {
        try
        {
            base.AroundReceive(message);
        }
        finally
        {
            AfterCommand();
        }
    }

    /// <summary>Sends what the command persisted, and keeps further commands away until its handlers have run.</summary>
    private void AfterCommand()
    {
        FlushEventBatch();
        if (_pendingStashingPersistInvocations > 0)
        {
            _state = State.PersistingEvents;
        }
        else
        {
            UnstashOneInternally();
        }
    }

    private void StashInternally()
    {
        var current = ((ActorCell)Context).CurrentEnvelope
            ?? throw new InvalidOperationException("Nothing to stash outside a message.");
        _internalStash.Add(current);
    }

    private void UnstashOneInternally()
    {
        if (_internalStash.Count > 0)
        {
            var first = _internalStash[0];
            _internalStash.RemoveAt(0);
            ((ActorCell)Context).Prepend([first]);
        }
    }

    private void UnstashAllInternally()
    {
        if (_internalStash.Count > 0)
        {
            ((ActorCell)Context).Prepend([.. _internalStash]);
            _internalStash.Clear();
        }
    }

    /// <summary>Puts user-unstashed messages in front of the internal stash, which feeds them back one by one.</summary>
    internal void PrependToInternalStashFromUser(IReadOnlyList<Envelope> envelopes) => _internalStash.InsertRange(0, envelopes);

    private long NextSequenceNr() => ++_sequenceNr;
}
