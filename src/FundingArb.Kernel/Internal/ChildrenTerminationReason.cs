namespace FundingArb.Kernel.Internal;

/// <summary>Why a cell waits for its stopping children: to finish a restart, or to stop itself.</summary>
internal sealed class ChildrenTerminationReason
{
    public static readonly ChildrenTerminationReason Termination = new(null);

    private ChildrenTerminationReason(Exception? restartCause)
    {
        RestartCause = restartCause;
    }

    /// <summary>Set when the cell restarts once its children are gone.</summary>
    public Exception? RestartCause { get; }

    public static ChildrenTerminationReason Recreation(Exception cause) => new(cause);
}
