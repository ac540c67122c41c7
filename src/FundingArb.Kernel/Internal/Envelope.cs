namespace FundingArb.Kernel.Internal;

/// <summary>
/// A user message with its sender. The envelope is also the node of the mailbox's intrusive queue
/// (<see cref="Next"/>), so enqueueing allocates one object and nothing else.
/// </summary>
internal sealed class Envelope
{
    /// <summary>Stands in the inbox of a closed mailbox: a producer that meets it dead-letters instead.</summary>
    internal static readonly Envelope Closed = new(ClosedMailboxMarker.Instance, null);

    public Envelope(object message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }

    public object Message { get; }

    public IActorRef? Sender { get; }

    internal Envelope? Next;

    private sealed class ClosedMailboxMarker
    {
        public static readonly ClosedMailboxMarker Instance = new();
    }
}
