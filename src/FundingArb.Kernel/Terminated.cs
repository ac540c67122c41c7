namespace FundingArb.Kernel;

/// <summary>
/// Delivered to a watcher when a watched actor has stopped. An actor that does not handle it fails with
/// <see cref="DeathPactException"/>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone when it was watched.</param>
/// <param name="AddressTerminated">True when its whole node became unreachable.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated)
    : IAutoReceivedMessage, IDeadLetterSuppression;
