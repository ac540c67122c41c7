namespace FundingArb.Kernel.Persistence;

/// <summary>Delivered to the recovery handler once replay is done, even when there was nothing to replay, before any command.</summary>
public sealed class RecoveryCompleted
{
    private RecoveryCompleted()
    {
    }

    public static RecoveryCompleted Instance { get; } = new();

    public override string ToString() => "RecoveryCompleted";
}
