namespace FundingArb.Kernel.Internal;

/// <summary>Base of the references that have no mailbox: equality and ordering by path and uid.</summary>
internal abstract class MinimalActorRef : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public virtual void SendSystemMessage(SystemMessage message)
    {
    }

    public bool Equals(IActorRef? other) => ActorRefEquality.AreEqual(this, other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => ActorRefEquality.HashCode(this);

    public int CompareTo(IActorRef? other) => ActorRefEquality.Compare(this, other);

    public override string ToString() => $"[{Path}]";
}
