namespace FundingArb.Kernel.Internal;

/// <summary>
/// Creation, failure, restart and stop, following Akka's sequence: a failed actor suspends itself and its
/// children and asks its parent; Restart runs PreRestart on the old instance, waits for the children it
/// stopped, builds a new instance from the Props and runs PostRestart; Stop stops the children first.
/// The failing message is dropped; the rest of the mailbox is kept.
/// </summary>
internal sealed partial class ActorCell
{
    private bool _failed;
    private bool _failedFatally;
    private bool _terminating;
    private bool _terminated;
    private IActorRef? _perpetrator;

    public bool IsTerminated => _terminated;

    private void Create()
    {
        try
        {
            _actor = NewActor();
            _actor.AroundPreStart();
        }
        catch (Exception exception) when (!IsFatal(exception))
        {
            _actor = null;
            _failedFatally = true;
            HandleInvokeFailure(new ActorInitializationException(Self, $"Exception during creation of {Path}", exception));
        }
    }

    private ActorBase NewActor()
    {
        var previous = s_current;
        s_current = this;
        try
        {
            var actor = _props.NewActor();
            actor.AfterConstruction();
            if (actor is IWithUnboundedStash withStash)
            {
                withStash.Stash = actor.CreateStash(this);
            }

            if (actor is IWithTimers withTimers)
            {
                withTimers.Timers = new TimerScheduler(this);
            }

            return actor;
        }
        finally
        {
            s_current = previous;
        }
    }

    private void HandleInvokeFailure(Exception cause, IActorRef? childNotToSuspend = null)
    {
        if (_failed || _terminating)
        {
            // A second failure while the parent decides on the first, or while stopping, would ask twice.
            GetLogger().Error(cause, "Dropped failure while already failed or stopping in {Path}", Path);
            return;
        }

        _failed = true;
        _perpetrator = childNotToSuspend;
        SuspendMailbox();
        SuspendChildren(childNotToSuspend);
        _parent.SendSystemMessage(new Failed(Self, cause, _uid));
    }

    private void FaultSuspend()
    {
        SuspendMailbox();
        SuspendChildren(null);
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null)
        {
            // Resuming an actor whose creation failed has nothing to resume: build it anew instead.
            FaultRecreate(causedByFailure ?? new ActorInitializationException("Resumed an actor that was never created."));
            return;
        }

        var perpetrator = _perpetrator;
        if (causedByFailure is not null)
        {
            _failed = false;
            _perpetrator = null;
            _currentEnvelope = null;
        }

        ResumeMailbox();
        ResumeChildren(causedByFailure, perpetrator);
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        AbandonRunningTask();
        var failedActor = _actor;
        if (failedActor is not null && !_failedFatally)
        {
            try
            {
                failedActor.AroundPreRestart(cause, _currentEnvelope?.Message);
            }
            catch (Exception exception) when (!IsFatal(exception))
            {
                GetLogger().Error(exception, "PreRestart failed in {Path}", Path);
            }
        }

        _actor = null;
        _currentEnvelope = null;
        if (!SetChildrenTerminationReason(ChildrenTerminationReason.Recreation(cause)))
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = ChildCells();
        _failed = false;
        _perpetrator = null;
        _failedFatally = false;
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (Exception exception) when (!IsFatal(exception))
        {
            _actor = null;
            _failedFatally = true;
            ResumeMailbox();
            HandleInvokeFailure(new ActorInitializationException(Self, $"Exception during restart of {Path}", exception));
            return;
        }

        ResumeMailbox();
        foreach (var child in survivors)
        {
            child.SendSystemMessage(new Recreate(cause));
        }
    }

    private void Terminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        CancelReceiveTimeout();
        AbandonRunningTask();
        SuspendMailbox();
        if (!StopAllChildren())
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null && !_failedFatally)
            {
                actor.AroundPostStop();
            }
        }
        catch (Exception exception) when (!IsFatal(exception))
        {
            GetLogger().Error(exception, "PostStop failed in {Path}", Path);
        }
        finally
        {
            _terminated = true;
            CloseMailbox();
            _parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            TellWatchersWeDied();
            UnwatchWatchedActors();
            if (_subscribedToEventStream)
            {
                _system.EventStream.Unsubscribe(Self);
            }

            _actor = null;
            _currentEnvelope = null;
        }
    }

    /// <summary>Runs in the parent: the supervisor strategy decides, or the failure escalates.</summary>
    private void HandleFailure(Failed failed)
    {
        var child = ChildCell(failed.Child);
        if (child is null || child.Uid != failed.Uid)
        {
            GetLogger().Debug("Dropped failure {Cause} of {Child}: not a current child", failed.Cause.Message, failed.Child);
            return;
        }

        var previous = _currentEnvelope;
        _currentEnvelope = new Envelope(failed, failed.Child);
        try
        {
            var strategy = _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
            var escalate = !strategy.HandleFailure(this, failed.Child, failed.Cause, child.RestartStats, ChildCells().Select(c => c.RestartStats).ToList());
            _currentEnvelope = previous;
            if (escalate)
            {
                HandleInvokeFailure(failed.Cause, failed.Child);
            }
        }
        finally
        {
            _currentEnvelope = previous;
        }
    }

    private volatile bool _subscribedToEventStream;

    /// <summary>Remembers to unsubscribe this actor from the event stream when it stops.</summary>
    public void MarkSubscribedToEventStream() => _subscribedToEventStream = true;
}
