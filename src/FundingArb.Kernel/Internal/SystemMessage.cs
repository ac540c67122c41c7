namespace FundingArb.Kernel.Internal;

/// <summary>
/// Messages of the kernel's own protocol (create, supervise, watch, stop). They travel in a queue of their
/// own and overtake user messages. Each instance is a queue node, so an instance is sent once.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>Stands in the system inbox of a closed cell.</summary>
    internal static readonly SystemMessage Closed = new ClosedMarker();

    internal SystemMessage? Next;

    private sealed class ClosedMarker : SystemMessage;
}
