namespace FundingArb.Venues.Lockstep;

/// Something the node asked a connector for whose outcome the lockstep hands back: a call's answer or a stream's
/// items. Sequence orders the hand-overs (the order the node asked in). Started and released on the runner's thread.
internal abstract class LockstepSource
{
    public long Sequence { get; set; }

    /// Outcomes have come back and wait for Release.
    public abstract bool HasReady { get; }

    /// Nothing more will come back.
    public abstract bool IsDone { get; }

    /// Sends the request inside flow; called with the flow as the current one, so its HTTP is counted against it.
    public abstract void Start(LockstepFlow flow);

    /// Hands what has come back to the node, on the caller's thread.
    public abstract void Release();
}
