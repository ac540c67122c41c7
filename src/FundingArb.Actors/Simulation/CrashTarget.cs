namespace FundingArb.Actors.Simulation;

/// What the crash tests' hook kills right after the journal took the n-th event.
public enum CrashTarget
{
    /// The whole node: the actor system terminates and a new one starts on the same journal.
    Node,

    /// Only the executor that wrote the event: it is sent Kill, and its supervisor restarts it from its journal while
    /// the rest of the node carries on. An event written by another actor kills nothing.
    Writer,
}
