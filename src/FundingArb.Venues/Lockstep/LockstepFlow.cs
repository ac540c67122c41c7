namespace FundingArb.Venues.Lockstep;

/// One line of connector work a lockstep runner waits for: a call from the node, or a stream's reading. It is
/// runnable, and the clock must wait, while it owes work (Owed, FailuresOwed) and has no HTTP request out (whose answer
/// needs the clock or the wire, both counted elsewhere) and, for a call or a failure, no wait on the clock. Fields are read and written under the WireLockstep's lock only.
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

    /// A stream's sockets that failed or closed and whose end has not reached the node yet.
    public int FailuresOwed { get; set; }

    /// Timers the flow waits on (LockstepTimeProvider).
    public int ClockWaits { get; set; }

    /// Of ClockWaits, those a stream's reader started while it owed a message (a request held back by a rate limit).
    public int ReaderWaits { get; set; }

    // A stream's reader works beside its own timers (pings, keep-alives), so a message it owes is work unless the reader
    // itself waits (a timer started while it owed the message: that is the reader's, as the others run on their own
    // period); a failure it owes may wait for any of them (a reader that waits for its ping loop to end).
    public bool IsRunnable => HttpInFlight == 0 && (IsCall
        ? Owed > 0 && ClockWaits == 0
        : (Owed > 0 && ReaderWaits == 0) || (FailuresOwed > 0 && ClockWaits == 0));

    public override string ToString() =>
        $"{Name} (owes {Owed}, {FailuresOwed} failures, {HttpInFlight} HTTP out, {ClockWaits} waits on the clock)";
}
