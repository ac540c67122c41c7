using System.Collections.Immutable;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// Persisting: events of one command (or one handler) form the event batch; at the end of the turn the
/// batch joins the journal batch, which is sent as one WriteMessages whenever no write is in flight, so
/// batches grow with the journal's round trip. Handlers run in persist order, each with the sender of the
/// command that persisted its event.
/// </summary>
public abstract partial class Eventsourced
{
    private readonly Queue<PendingInvocation> _pendingInvocations = new();
    private readonly List<IPersistentEnvelope> _eventBatch = [];
    private readonly List<IPersistentEnvelope> _journalBatch = [];
    private int _pendingStashingPersistInvocations;
    private bool _writeInProgress;

    /// <summary>
    /// Persists <paramref name="event"/>, then runs <paramref name="handler"/> with it; no command is handled
    /// in between. Persist a <see cref="Tagged"/> to index the event under tags.
    /// </summary>
    public void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotRecovering(nameof(Persist));
        _pendingStashingPersistInvocations++;
        _pendingInvocations.Enqueue(new PendingInvocation(@event, e => handler((TEvent)e), Stashing: true, Sender));
        _eventBatch.Add(new AtomicWrite([ToPersistent(@event)]));
    }

    /// <summary>Persists <paramref name="events"/> atomically, then runs <paramref name="handler"/> once per event, in order.</summary>
    public void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotRecovering(nameof(PersistAll));
        var list = events.ToList();
        if (list.Count == 0)
        {
            return;
        }

        foreach (var @event in list)
        {
            _pendingStashingPersistInvocations++;
            _pendingInvocations.Enqueue(new PendingInvocation(@event, e => handler((TEvent)e), Stashing: true, Sender));
        }

        _eventBatch.Add(new AtomicWrite([.. list.Select(e => ToPersistent(e))]));
    }

    /// <summary>Persists <paramref name="event"/> without holding back commands; the handler still runs in persist order.</summary>
    public void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotRecovering(nameof(PersistAsync));
        _pendingInvocations.Enqueue(new PendingInvocation(@event, e => handler((TEvent)e), Stashing: false, Sender));
        _eventBatch.Add(new AtomicWrite([ToPersistent(@event)]));
    }

    /// <summary>
    /// Runs <paramref name="handler"/> after the handlers of every event persisted before it, without writing
    /// anything; at once when nothing is pending.
    /// </summary>
    public void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotRecovering(nameof(DeferAsync));
        if (_pendingInvocations.Count == 0 && _eventBatch.Count == 0)
        {
            handler(@event);
            return;
        }

        _pendingInvocations.Enqueue(new PendingInvocation(@event, e => handler((TEvent)e), Stashing: false, Sender));
        _eventBatch.Add(new NonPersistentMessage(@event, Sender));
    }

    private bool TryHandleJournalResponse(object message)
    {
        switch (message)
        {
            case WriteMessagesSuccessful:
                _writeInProgress = false;
                FlushJournalBatch();
                return true;
            case WriteMessagesFailed:
                _writeInProgress = false;
                FlushJournalBatch();
                return true;
            case WriteMessageSuccess success:
                if (success.ActorInstanceId == _instanceId)
                {
                    LastSequenceNr = success.Persistent.SequenceNr;
                    RunPendingHandler();
                }

                return true;
            case WriteMessageRejected rejected:
                if (rejected.ActorInstanceId == _instanceId)
                {
                    LastSequenceNr = rejected.Persistent.SequenceNr;
                    var invocation = DequeueInvocation();
                    OnPersistRejected(rejected.Cause, invocation.Event, rejected.Persistent.SequenceNr);
                    AfterHandler();
                }

                return true;
            case WriteMessageFailure failure:
                if (failure.ActorInstanceId == _instanceId)
                {
                    var invocation = DequeueInvocation();
                    try
                    {
                        OnPersistFailure(failure.Cause, invocation.Event, failure.Persistent.SequenceNr);
                    }
                    finally
                    {
                        Context.Stop(Self);
                    }
                }

                return true;
            case LoopMessageSuccess loop:
                if (loop.ActorInstanceId == _instanceId)
                {
                    RunPendingHandler();
                }

                return true;
            default:
                return false;
        }
    }

    private void RunPendingHandler()
    {
        var invocation = DequeueInvocation();
        var cell = (Internal.ActorCell)Context;
        var current = cell.CurrentEnvelope;
        cell.ReplaceCurrentEnvelope(new Internal.Envelope(invocation.Event, invocation.Sender));
        try
        {
            invocation.Handler(invocation.Event);
        }
        finally
        {
            cell.ReplaceCurrentEnvelope(current);
            AfterHandler();
        }
    }

    /// <summary>
    /// After a handler: send what it persisted, and once no stashing handler is pending, go back to taking
    /// commands, one from the internal stash first.
    /// </summary>
    private void AfterHandler()
    {
        FlushEventBatch();
        if (_state == State.PersistingEvents && _pendingStashingPersistInvocations == 0)
        {
            _state = State.ProcessingCommands;
            UnstashOneInternally();
        }
    }

    private PendingInvocation DequeueInvocation()
    {
        var invocation = _pendingInvocations.Dequeue();
        if (invocation.Stashing)
        {
            _pendingStashingPersistInvocations--;
        }

        return invocation;
    }

    private void FlushEventBatch()
    {
        if (_eventBatch.Count > 0)
        {
            _journalBatch.AddRange(_eventBatch);
            _eventBatch.Clear();
        }

        FlushJournalBatch();
    }

    private void FlushJournalBatch()
    {
        if (_writeInProgress || _journalBatch.Count == 0)
        {
            return;
        }

        Journal.Tell(new WriteMessages([.. _journalBatch], Self, _instanceId), Self);
        _journalBatch.Clear();
        _writeInProgress = true;
    }

    private Persistent ToPersistent(object @event)
    {
        var (payload, tags) = @event is Tagged tagged ? (tagged.Payload, tagged.Tags) : (@event, ImmutableArray<string>.Empty);
        return new Persistent(payload, NextSequenceNr(), PersistenceId, WriterGuid: _writerGuid) { Tags = tags };
    }

    private void EnsureNotRecovering(string operation)
    {
        if (IsRecovering)
        {
            throw new InvalidOperationException($"Cannot {operation} during replay of {PersistenceId}: events can be persisted from RecoveryCompleted on.");
        }
    }

    private sealed record PendingInvocation(object Event, Action<object> Handler, bool Stashing, IActorRef Sender);
}
