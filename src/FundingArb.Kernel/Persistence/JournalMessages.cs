using System.Collections.Immutable;

namespace FundingArb.Kernel.Persistence;

/// <summary>Write these entries; replies go to <paramref name="PersistentActor"/>, tagged with its instance id.</summary>
public sealed record WriteMessages(ImmutableArray<IPersistentEnvelope> Messages, IActorRef PersistentActor, int ActorInstanceId);

/// <summary>The whole batch was handled; the per-event replies follow.</summary>
public sealed class WriteMessagesSuccessful
{
    private WriteMessagesSuccessful()
    {
    }

    public static WriteMessagesSuccessful Instance { get; } = new();
}

/// <summary>The batch failed (or its outcome is unknown); a <see cref="WriteMessageFailure"/> follows for each event.</summary>
public sealed record WriteMessagesFailed(Exception Cause, int WriteCount);

/// <summary>The event was stored.</summary>
public sealed record WriteMessageSuccess(Persistent Persistent, int ActorInstanceId);

/// <summary>The event was certainly not stored (e.g. it could not be serialized); the writer carries on.</summary>
public sealed record WriteMessageRejected(Persistent Persistent, Exception Cause, int ActorInstanceId);

/// <summary>Storing the event failed or may have failed; the writer stops.</summary>
public sealed record WriteMessageFailure(Persistent Persistent, Exception Cause, int ActorInstanceId);

/// <summary>A deferred message comes back, in order with the writes around it.</summary>
public sealed record LoopMessageSuccess(object Message, int ActorInstanceId);

/// <summary>Replay events <paramref name="FromSequenceNr"/>..<paramref name="ToSequenceNr"/> (inclusive, capped at the highest), at most <paramref name="Max"/>.</summary>
public sealed record ReplayMessages(long FromSequenceNr, long ToSequenceNr, long Max, string PersistenceId, IActorRef PersistentActor);

/// <summary>One replayed event.</summary>
public sealed record ReplayedMessage(Persistent Persistent);

/// <summary>Replay is done; <paramref name="HighestSequenceNr"/> is the highest ever stored for the id.</summary>
public sealed record RecoverySuccess(long HighestSequenceNr);

/// <summary>Replay failed.</summary>
public sealed record ReplayMessagesFailure(Exception Cause);

/// <summary>Delete events up to <paramref name="ToSequenceNr"/>, inclusive.</summary>
public sealed record DeleteMessagesTo(string PersistenceId, long ToSequenceNr, IActorRef PersistentActor);

/// <summary>The events up to <paramref name="ToSequenceNr"/> are deleted.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Deleting failed.</summary>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);
