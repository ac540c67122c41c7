namespace FundingArb.Kernel.Persistence.Journal;

/// <summary>
/// Speaks the journal protocol on behalf of an <see cref="AsyncWriteJournal"/>. It never waits for the
/// store: each request starts a store call whose outcome is told straight to the persistent actor, so the
/// store sees requests from many actors at once and can group them into one transaction. A persistent
/// actor has at most one write in flight, which keeps its replies in order.
/// </summary>
internal sealed class JournalActor(AsyncWriteJournal journal, bool publishPluginCommands) : ActorBase
{
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case WriteMessages write:
                Write(write);
                return true;
            case ReplayMessages replay:
                _ = ReplayAsync(replay, Self);
                return true;
            case DeleteMessagesTo delete:
                if (publishPluginCommands)
                {
                    Context.System.EventStream.Publish(delete);
                }

                _ = DeleteAsync(delete, Self);
                return true;
            default:
                return false;
        }
    }

    private void Write(WriteMessages request)
    {
        var timestamp = Context.System.TimeProvider.GetUtcNow().UtcTicks;
        var writes = request.Messages.OfType<AtomicWrite>().Select(w => Stamp(w, timestamp)).ToList();
        Task<IReadOnlyList<Exception?>?> stored;
        try
        {
            stored = writes.Count == 0 ? Task.FromResult<IReadOnlyList<Exception?>?>(null) : journal.WriteMessagesAsync(writes, CancellationToken.None);
        }
        catch (Exception exception)
        {
            stored = Task.FromException<IReadOnlyList<Exception?>?>(exception);
        }

        var self = Self;
        if (stored.IsCompleted)
        {
            Reply(request, writes, stored, self);
        }
        else
        {
            stored.ContinueWith(
                t => Reply(request, writes, t, self),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private static void Reply(WriteMessages request, List<AtomicWrite> writes, Task<IReadOnlyList<Exception?>?> stored, IActorRef self)
    {
        var actor = request.PersistentActor;
        var id = request.ActorInstanceId;
        Exception? failure = stored.IsCompletedSuccessfully ? null : stored.Exception?.GetBaseException() ?? new OperationCanceledException("The journal write was cancelled.");
        var results = failure is null ? stored.Result : null;
        if (failure is null && results is not null && results.Count != writes.Count)
        {
            failure = new InvalidOperationException($"The journal returned {results.Count} results for {writes.Count} atomic writes.");
        }

        actor.Tell(failure is null ? WriteMessagesSuccessful.Instance : new WriteMessagesFailed(failure, writes.Sum(w => w.Size)), self);
        var index = 0;
        foreach (var entry in request.Messages)
        {
            if (entry is NonPersistentMessage loop)
            {
                actor.Tell(new LoopMessageSuccess(loop.Payload, id), loop.Sender ?? self);
                continue;
            }

            var write = writes[index];
            var rejection = results?[index];
            index++;
            foreach (var persistent in write.Payload)
            {
                object reply = failure is not null
                    ? new WriteMessageFailure(persistent, failure, id)
                    : rejection is not null
                        ? new WriteMessageRejected(persistent, rejection, id)
                        : new WriteMessageSuccess(persistent, id);
                actor.Tell(reply, self);
            }
        }
    }

    private async Task ReplayAsync(ReplayMessages request, IActorRef self)
    {
        var actor = request.PersistentActor;
        try
        {
            var highest = await journal.ReadHighestSequenceNrAsync(request.PersistenceId, request.FromSequenceNr, CancellationToken.None).ConfigureAwait(false);
            var to = Math.Min(request.ToSequenceNr, highest);
            if (request.Max > 0 && request.FromSequenceNr <= to)
            {
                await journal.ReplayMessagesAsync(
                    request.PersistenceId,
                    request.FromSequenceNr,
                    to,
                    request.Max,
                    persistent =>
                    {
                        if (!persistent.IsDeleted)
                        {
                            actor.Tell(new ReplayedMessage(persistent), self);
                        }
                    },
                    CancellationToken.None).ConfigureAwait(false);
            }

            actor.Tell(new RecoverySuccess(highest), self);
        }
        catch (Exception exception)
        {
            actor.Tell(new ReplayMessagesFailure(exception), self);
        }
    }

    private async Task DeleteAsync(DeleteMessagesTo request, IActorRef self)
    {
        try
        {
            await journal.DeleteMessagesToAsync(request.PersistenceId, request.ToSequenceNr, CancellationToken.None).ConfigureAwait(false);
            request.PersistentActor.Tell(new DeleteMessagesSuccess(request.ToSequenceNr), self);
        }
        catch (Exception exception)
        {
            request.PersistentActor.Tell(new DeleteMessagesFailure(exception, request.ToSequenceNr), self);
        }
    }

    private static AtomicWrite Stamp(AtomicWrite write, long timestamp) =>
        write.Payload.All(p => p.Timestamp != 0)
            ? write
            : new AtomicWrite([.. write.Payload.Select(p => p.Timestamp != 0 ? p : p with { Timestamp = timestamp })]);
}
