namespace FundingArb.Kernel.Internal;

/// <summary>
/// A user message with its sender. The envelope is also the node of the mailbox's intrusive queue
/// (<see cref="Next"/>), so enqueueing allocates one object and nothing else.
/// </summary>
internal sealed class Envelope
{
    /// <summary>
    /// The <see cref="Next"/> of an envelope its producer has swapped into the inbox but not linked yet; a
    /// consumer that meets it waits the few instructions until the producer writes the real link.
    /// </summary>
    internal static readonly Envelope Unlinked = new(UnlinkedMarker.Instance, null);

    public Envelope(object message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }

    public object Message { get; }

    public IActorRef? Sender { get; }

    internal Envelope? Next;

    private sealed class UnlinkedMarker
    {
        public static readonly UnlinkedMarker Instance = new();
    }
}
