namespace FundingArb.Kernel.Internal;

/// <summary>
/// The children of a cell, created with its first child. <see cref="Gate"/> guards every field: the owner
/// thread is the usual caller, but the user guardian's ActorOf is called from any thread.
/// </summary>
internal sealed class ChildrenContainer
{
    public readonly Lock Gate = new();
    public readonly Dictionary<string, ActorCell> Children = new(StringComparer.Ordinal);
    public HashSet<ActorCell>? Stopping;
    public ChildrenTerminationReason? TerminationReason;
    public long NextChildNumber;
}
