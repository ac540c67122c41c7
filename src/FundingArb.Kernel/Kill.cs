namespace FundingArb.Kernel;

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/>; the default decider then stops it.</summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    public static Kill Instance { get; } = new();

    public override string ToString() => "Kill";
}
