namespace FundingArb.Kernel.Internal;

/// <summary>Running one message: user messages through the actor's behaviour, system messages here.</summary>
internal sealed partial class ActorCell
{
    private void Invoke(Envelope envelope)
    {
        _currentEnvelope = envelope;
        var message = envelope.Message;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(envelope);
            }
            else
            {
                ReceiveMessage(message);
            }

            if (_extras?.RunningTask is null)
            {
                _currentEnvelope = null;
            }
        }
        catch (Exception exception) when (!IsFatal(exception))
        {
            HandleInvokeFailure(exception);
        }

        if (_extras?.ReceiveTimeout is not null && InfluencesReceiveTimeout(message))
        {
            RescheduleReceiveTimeout();
        }
    }

    /// <summary>
    /// Whether handling <paramref name="message"/> starts a new idle period: a ReceiveTimeout does (so it
    /// repeats), a timer's message is judged by what it carries, and INotInfluenceReceiveTimeout does not.
    /// </summary>
    private static bool InfluencesReceiveTimeout(object message) => message switch
    {
        Kernel.ReceiveTimeout => true,
        TimerScheduler.TimerMessage timerMessage => timerMessage.Message is not INotInfluenceReceiveTimeout,
        _ => message is not INotInfluenceReceiveTimeout,
    };

    private void ReceiveMessage(object message) => _actor!.AroundReceive(message);

    private void AutoReceiveMessage(Envelope envelope)
    {
        switch (envelope.Message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                Self.SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Identify identify:
                envelope.Sender?.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case TimerScheduler.TimerMessage timerMessage:
                ReceiveTimerMessage(timerMessage);
                break;
            default:
                ReceiveMessage(envelope.Message);
                break;
        }
    }

    private void ReceiveTimerMessage(TimerScheduler.TimerMessage timerMessage)
    {
        if (_actor is IWithTimers { Timers: TimerScheduler timers } && timers.Accept(timerMessage))
        {
            _currentEnvelope = new Envelope(timerMessage.Message, timerMessage.Sender);
            ReceiveMessage(timerMessage.Message);
        }
    }

    private void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Kernel.Internal.Create:
                    Create();
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Kernel.Internal.Terminate:
                    Terminate();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
                    break;
                case Failed failed:
                    HandleFailure(failed);
                    break;
                case AsyncContinuation continuation:
                    RunContinuation(continuation);
                    break;
                case AsyncHandlerCompleted completed:
                    FinishRunningTask(completed.Task);
                    break;
            }
        }
        catch (Exception exception) when (!IsFatal(exception))
        {
            HandleInvokeFailure(exception);
        }
    }

    /// <summary>
    /// Runs an async handler as Akka's RunTask does: its continuations run as turns of this actor (through
    /// the actor's synchronization context), and no other user message is processed until its task ends.
    /// </summary>
    public void RunTask(Func<Task> handler)
    {
        var previous = SynchronizationContext.Current;
        var extras = Extras;
        SynchronizationContext.SetSynchronizationContext(extras.SynchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        extras.RunningTask = task;
        SuspendMailbox();
        task.ContinueWith(
            static (finished, state) => ((ActorCell)state!).SendSystemMessage(new AsyncHandlerCompleted(finished)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuation(AsyncContinuation continuation)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_extras?.SynchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
            _actor?.AfterAsyncTurn();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void FinishRunningTask(Task task)
    {
        if (_extras is not { } extras || !ReferenceEquals(task, extras.RunningTask))
        {
            return;
        }

        extras.RunningTask = null;
        ResumeMailbox();
        if (task.IsCompletedSuccessfully)
        {
            _currentEnvelope = null;
            _actor?.AfterAsyncTurn();
            return;
        }

        var cause = task.Exception?.InnerException ?? new TaskCanceledException(task);
        HandleInvokeFailure(cause);
    }

    /// <summary>Drops the state of an async handler that a restart or stop interrupted.</summary>
    private void AbandonRunningTask()
    {
        if (_extras is { RunningTask: not null } extras)
        {
            extras.RunningTask = null;
            ResumeMailbox();
        }
    }
}
