namespace FundingArb.Kernel;

/// <summary>An ordinary queued message that stops the actor once the messages before it were handled.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();

    public override string ToString() => "PoisonPill";
}
