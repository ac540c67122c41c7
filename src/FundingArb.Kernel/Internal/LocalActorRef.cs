namespace FundingArb.Kernel.Internal;

/// <summary>The reference to an actor of this process: one per cell, so identity is reference identity.</summary>
internal sealed class LocalActorRef(ActorCell cell) : IInternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public ActorPath Path => Cell.Path;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(new Envelope(message, sender));
    }

    public void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);

    public bool Equals(IActorRef? other) => ActorRefEquality.AreEqual(this, other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => ActorRefEquality.HashCode(this);

    public int CompareTo(IActorRef? other) => ActorRefEquality.Compare(this, other);

    public override string ToString() => $"[{Path}]";
}
