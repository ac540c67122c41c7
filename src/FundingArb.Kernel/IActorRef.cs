namespace FundingArb.Kernel;

/// <summary>
/// An immutable, shareable handle to one incarnation of an actor. Two references are equal when they
/// name the same path and the same incarnation (uid): a new actor at a reused path is a different actor.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path, including its incarnation uid.</summary>
    ActorPath Path { get; }
}
