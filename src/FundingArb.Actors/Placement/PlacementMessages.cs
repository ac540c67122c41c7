using FundingArb.Actors.Pairs;
using FundingArb.Actors.Wire;

namespace FundingArb.Actors.Placement;

/// The stop message of a persistent actor that sharding or a singleton manager moves to another node. It is handled as
/// a command, so it waits behind any event still being written, where PoisonPill would stop the actor first.
public sealed record HandOff : IClusterMessage
{
    public static HandOff Instance { get; } = new();
}

/// Run the pair's executor (once: a host that already runs it only answers). Answered with PairHosted.
public sealed record HostPair(PairSpec Spec) : IClusterMessage;

/// The host runs the executor on Node (its actor system's address).
public sealed record PairHosted(string ExecutorId, string Node) : IClusterMessage;

/// A host started without a spec (sharding restarting a remembered pair elsewhere); the orchestrator answers with
/// HostPair, or with ReleasePair for a pair it no longer runs.
public sealed record PairHostStarted(string ExecutorId) : IClusterMessage;

/// Stop the executor and forget the pair: it was stored, or it is not in the registry.
public sealed record ReleasePair : IClusterMessage
{
    public static ReleasePair Instance { get; } = new();
}

/// The executor stopped on its own (restarts exhausted, a failed recovery, a halt); the orchestrator decides whether
/// it runs again.
public sealed record ExecutorStopped(string ExecutorId) : IClusterMessage;
