namespace FundingArb.Kernel.Persistence.Snapshot;

/// <summary>Speaks the snapshot protocol on behalf of a <see cref="SnapshotStore"/>; replies go to the requester.</summary>
internal sealed class SnapshotStoreActor(SnapshotStore store, bool publishPluginCommands) : ActorBase
{
    protected internal override bool Receive(object message)
    {
        var requester = Sender;
        var self = Self;
        switch (message)
        {
            case LoadSnapshot load:
                _ = Answer(requester, self, async () =>
                    new LoadSnapshotResult(await store.LoadAsync(load.PersistenceId, load.Criteria.Limit(load.ToSequenceNr), CancellationToken.None).ConfigureAwait(false), load.ToSequenceNr),
                    cause => new LoadSnapshotFailed(cause));
                return true;
            case SaveSnapshot save:
                var metadata = save.Metadata.Timestamp == DateTime.MinValue
                    ? save.Metadata with { Timestamp = Context.System.TimeProvider.GetUtcNow().UtcDateTime }
                    : save.Metadata;
                _ = Answer(requester, self, async () =>
                    {
                        await store.SaveAsync(metadata, save.Snapshot, CancellationToken.None).ConfigureAwait(false);
                        return new SaveSnapshotSuccess(metadata);
                    },
                    cause => new SaveSnapshotFailure(metadata, cause));
                return true;
            case DeleteSnapshot delete:
                Publish(delete);
                _ = Answer(requester, self, async () =>
                    {
                        await store.DeleteAsync(delete.Metadata, CancellationToken.None).ConfigureAwait(false);
                        return new DeleteSnapshotSuccess(delete.Metadata);
                    },
                    cause => new DeleteSnapshotFailure(delete.Metadata, cause));
                return true;
            case DeleteSnapshots delete:
                Publish(delete);
                _ = Answer(requester, self, async () =>
                    {
                        await store.DeleteAsync(delete.PersistenceId, delete.Criteria, CancellationToken.None).ConfigureAwait(false);
                        return new DeleteSnapshotsSuccess(delete.Criteria);
                    },
                    cause => new DeleteSnapshotsFailure(delete.Criteria, cause));
                return true;
            default:
                return false;
        }
    }

    private void Publish(object command)
    {
        if (publishPluginCommands)
        {
            Context.System.EventStream.Publish(command);
        }
    }

    private static async Task Answer(IActorRef requester, IActorRef self, Func<Task<object>> operation, Func<Exception, object> onFailure)
    {
        object reply;
        try
        {
            reply = await operation().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            reply = onFailure(exception);
        }

        requester.Tell(reply, self);
    }
}
