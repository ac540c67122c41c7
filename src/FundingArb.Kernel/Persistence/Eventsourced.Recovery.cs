namespace FundingArb.Kernel.Persistence;

/// <summary>
/// Recovery: load the newest matching snapshot, replay the events after it, deliver RecoveryCompleted, then
/// take the commands that waited in the internal stash. Any failure on the way stops the actor.
/// </summary>
public abstract partial class Eventsourced
{
    private Recovery? _activeRecovery;

    /// <summary>
    /// Starts recovery from PreStart and PostRestart. The plugins are resolved here, so a missing one fails
    /// the actor's initialization (and stops it) instead of failing every command and restarting forever.
    /// </summary>
    private void StartRecovery()
    {
        _ = Journal;
        _state = State.RecoveryStarted;
        _activeRecovery = Recovery;
        if (_activeRecovery.FromSnapshot == SnapshotSelectionCriteria.None)
        {
            // No snapshot can match, so the store's answer is known: replay at once and save the round trip.
            Replay(_activeRecovery.ToSequenceNr);
            return;
        }

        SnapshotStore.Tell(new LoadSnapshot(PersistenceId, _activeRecovery.FromSnapshot, _activeRecovery.ToSequenceNr), Self);
    }

    private void Replay(long toSequenceNr)
    {
        _state = State.Recovering;
        Journal.Tell(new ReplayMessages(LastSequenceNr + 1, toSequenceNr, _activeRecovery!.ReplayMax, PersistenceId, Self), Self);
    }

    private void ReceiveWhileStartingRecovery(object message)
    {
        switch (message)
        {
            case LoadSnapshotResult result:
                if (result.Snapshot is { } selected)
                {
                    LastSequenceNr = selected.Metadata.SequenceNr;
                    if (!RunRecoveryHandler(new SnapshotOffer(selected.Metadata, selected.Snapshot)))
                    {
                        return;
                    }
                }

                Replay(result.ToSequenceNr);
                break;
            case LoadSnapshotFailed failed:
                FailRecovery(failed.Cause, null);
                break;
            default:
                StashInternally();
                break;
        }
    }

    private void ReceiveWhileRecovering(object message)
    {
        switch (message)
        {
            case ReplayedMessage replayed:
                LastSequenceNr = replayed.Persistent.SequenceNr;
                RunRecoveryHandler(replayed.Persistent.Payload);
                break;
            case RecoverySuccess success:
                _sequenceNr = Math.Max(success.HighestSequenceNr, LastSequenceNr);
                LastSequenceNr = _sequenceNr;
                _state = State.ProcessingCommands;
                if (RunRecoveryHandler(RecoveryCompleted.Instance))
                {
                    FlushEventBatch();
                    _state = _pendingStashingPersistInvocations > 0 ? State.PersistingEvents : State.ProcessingCommands;
                    UnstashAllInternally();
                }

                break;
            case ReplayMessagesFailure failure:
                FailRecovery(failure.Cause, null);
                break;
            default:
                StashInternally();
                break;
        }
    }

    /// <summary>Runs the recovery handler; false (and the actor stopping) when it threw.</summary>
    private bool RunRecoveryHandler(object message)
    {
        try
        {
            if (!ReceiveRecover(message))
            {
                Unhandled(message);
            }

            return true;
        }
        catch (Exception exception)
        {
            FailRecovery(exception, message);
            return false;
        }
    }

    private void FailRecovery(Exception cause, object? message)
    {
        _state = State.RecoveryFailed;
        try
        {
            OnRecoveryFailure(cause, message);
        }
        finally
        {
            Context.Stop(Self);
        }
    }
}
