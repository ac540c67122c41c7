namespace FundingArb.Kernel.Internal;

/// <summary>
/// Posts the continuations of an actor's async handler back to the actor as system messages, so code after
/// an <c>await</c> runs as a turn of that actor with its Self, Sender and Context, never concurrently with it.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.SendSystemMessage(new AsyncContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("An actor cannot block on its own turn; await instead.");

    public override SynchronizationContext CreateCopy() => this;
}
