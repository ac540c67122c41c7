namespace FundingArb.Kernel.Internal;

/// <summary>The dead end: every message is dropped.</summary>
internal sealed class NobodyActorRef : MinimalActorRef
{
    private static readonly ActorPath s_path = ActorPath.Root(new Address(Address.LocalProtocol, "all-systems")).Child("Nobody");

    private NobodyActorRef()
    {
    }

    public static NobodyActorRef Instance { get; } = new();

    public override ActorPath Path => s_path;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override string ToString() => "Nobody";
}
