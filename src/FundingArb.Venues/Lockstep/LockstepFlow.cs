namespace FundingArb.Venues.Lockstep;

/// One line of connector work a lockstep runner waits for: a call from the node, or a stream's reading. It is
/// runnable, and the clock must wait, while it owes work (Owed) and has no HTTP request out (whose answer needs the
/// clock or the wire, both counted elsewhere) and, for a call, no wait on the clock. Fields are read and written under the WireLockstep's lock only.
internal sealed class LockstepFlow(WireLockstep owner, string name, bool isCall)
{
    public WireLockstep Owner { get; } = owner;

    public string Name { get; } = name;

    /// A call from the node (its waits on the clock count); otherwise a stream's reading.
    public bool IsCall { get; } = isCall;

    public int Owed { get; set; }

    public int HttpInFlight { get; set; }

    /// A stream's flow owes its first read from the moment it is opened; the first socket it connects takes that debt.
    public bool OwesFirstRead { get; set; }

    /// Timers the call waits on (LockstepTimeProvider).
    public int ClockWaits { get; set; }

    public bool IsRunnable => Owed > 0 && HttpInFlight == 0 && ClockWaits == 0;

    public override string ToString() => $"{Name} (owes {Owed}, {HttpInFlight} HTTP out, {ClockWaits} waits on the clock)";
}
