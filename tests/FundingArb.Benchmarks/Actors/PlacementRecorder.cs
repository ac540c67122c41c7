using System.Diagnostics;

namespace FundingArb.Benchmarks.Actors;

// Written by the venues' callers (gateway actors on pool threads, the clock's thread for stream items) and read by
// the benchmark's driver: one armed wait at a time, completed with the Stopwatch timestamp of the call that ends it.

/// Timestamps what TimedVenue sees: the n-th PlaceOrderAsync after Arm (or the n-th acknowledgement after
/// ArmAcknowledged), and the first funding settlement after ArmFunding.
internal sealed class PlacementRecorder
{
    private TaskCompletionSource<long>? _waiting;
    private int _remaining;
    private bool _countsAcknowledgements;
    private long _fundingAt;

    /// Completes with the timestamp of the placements-th PlaceOrderAsync call from now on.
    public Task<long> Arm(int placements) => Arm(placements, acknowledgements: false);

    /// Completes with the timestamp at which the acknowledgements-th placement from now on returned its OrderAck.
    public Task<long> ArmAcknowledged(int acknowledgements) => Arm(acknowledgements, acknowledgements: true);

    public void ArmFunding() => Volatile.Write(ref _fundingAt, 0L);

    /// When the first FundingSettled since ArmFunding left a venue's user stream; 0 if none did.
    public long FundingAt => Volatile.Read(ref _fundingAt);

    public void OnPlace()
    {
        if (!Volatile.Read(ref _countsAcknowledgements))
        {
            Count(Stopwatch.GetTimestamp());
        }
    }

    public void OnAcknowledged()
    {
        if (Volatile.Read(ref _countsAcknowledgements))
        {
            Count(Stopwatch.GetTimestamp());
        }
    }

    private Task<long> Arm(int count, bool acknowledgements)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var waiting = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, count);
        Volatile.Write(ref _countsAcknowledgements, acknowledgements);
        Volatile.Write(ref _waiting, waiting);
        return waiting.Task;
    }

    private void Count(long now)
    {
        if (Volatile.Read(ref _waiting) is { } waiting && Interlocked.Decrement(ref _remaining) == 0)
        {
            Volatile.Write(ref _waiting, null);
            waiting.TrySetResult(now);
        }
    }

    public void OnFunding() => Interlocked.CompareExchange(ref _fundingAt, Stopwatch.GetTimestamp(), 0L);
}
