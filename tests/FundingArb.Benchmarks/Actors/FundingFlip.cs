using System.Diagnostics;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;

namespace FundingArb.Benchmarks.Actors;

// Set by the benchmark's driver between samples and read by TimedVenue on the gateways' threads.

/// A funding update the benchmark injects: while armed, one market's funding reads show another rate, and the first
/// such read is timestamped (the moment the update leaves the venue for market data).
internal sealed class FundingFlip
{
    private Armed? _armed;
    private long _handedOutAt;

    public void Arm(VenueId venue, Symbol symbol, decimal rate)
    {
        Volatile.Write(ref _handedOutAt, 0L);
        Volatile.Write(ref _armed, new Armed(venue, symbol, rate));
    }

    public void Disarm() => Volatile.Write(ref _armed, null);

    /// When the first flipped reading was handed out since Arm; 0 if none was.
    public long HandedOutAt => Volatile.Read(ref _handedOutAt);

    public FundingInfo Apply(FundingInfo info)
    {
        if (Volatile.Read(ref _armed) is not { } armed || armed.Venue != info.Venue || armed.Symbol != info.Symbol)
        {
            return info;
        }

        Interlocked.CompareExchange(ref _handedOutAt, Stopwatch.GetTimestamp(), 0L);
        return info with { Rate = new FundingRate(armed.Rate, info.Rate.Interval), PredictedNextRate = armed.Rate };
    }

    private sealed record Armed(VenueId Venue, Symbol Symbol, decimal Rate);
}
