namespace FundingArb.Kernel;

/// <summary>Sent to an actor that set a receive timeout and has been idle for that long.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    public static ReceiveTimeout Instance { get; } = new();

    public override string ToString() => "ReceiveTimeout";
}
