using System.Diagnostics;

namespace FundingArb.Benchmarks.Actors;

// Written by the venues' callers (gateway actors on pool threads, the clock's thread for stream items) and read by
// the benchmark's driver: one armed wait at a time, completed with the Stopwatch timestamp of the call that ends it.

/// Timestamps what TimedVenue sees: the n-th PlaceOrderAsync after Arm, and the first funding settlement after ArmFunding.
internal sealed class PlacementRecorder
{
    private TaskCompletionSource<long>? _waiting;
    private int _remaining;
    private long _fundingAt;

    /// Completes with the timestamp of the placements-th PlaceOrderAsync call from now on.
    public Task<long> Arm(int placements)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(placements);
        var waiting = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, placements);
        Volatile.Write(ref _waiting, waiting);
        return waiting.Task;
    }

    public void ArmFunding() => Volatile.Write(ref _fundingAt, 0L);

    /// When the first FundingSettled since ArmFunding left a venue's user stream; 0 if none did.
    public long FundingAt => Volatile.Read(ref _fundingAt);

    public void OnPlace()
    {
        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref _waiting) is { } waiting && Interlocked.Decrement(ref _remaining) == 0)
        {
            Volatile.Write(ref _waiting, null);
            waiting.TrySetResult(now);
        }
    }

    public void OnFunding() => Interlocked.CompareExchange(ref _fundingAt, Stopwatch.GetTimestamp(), 0L);
}
