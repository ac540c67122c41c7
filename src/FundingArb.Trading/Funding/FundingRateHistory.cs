using System.Collections.Immutable;

namespace FundingArb.Trading.Funding;

// Venues publish a current rate, a predicted next rate and the time of the next settlement; none of the venues' market
// endpoints replays the rates it settled. A settlement shows as the next funding time moving on, and the rate it paid
// is the sample in effect just before: the last one observed.

/// One market's funding as a reader observed it: the latest sample and prediction, and the rates it settled within
/// Window of its latest settlement, oldest first, each per day (so an interval change does not mix units).
public sealed record FundingRateHistory
{
    private FundingRateHistory(TimeSpan window) => Window = window;

    /// How far back settled rates are kept, from the latest settlement.
    public TimeSpan Window { get; }

    /// Whether anything was observed yet.
    public bool IsEmpty => Interval == TimeSpan.Zero;

    public TimeSpan Interval { get; private init; }

    /// The current rate per interval.
    public decimal Sample { get; private init; }

    /// The venue's predicted rate for the next settlement, per interval.
    public decimal Predicted { get; private init; }

    public DateTimeOffset NextFundingTime { get; private init; }

    public ImmutableArray<SettledRate> Settled { get; private init; } = [];

    public static FundingRateHistory Empty(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return new FundingRateHistory(window);
    }

    /// The history after one more observation of the market's funding.
    public FundingRateHistory Observe(decimal sample, decimal predicted, TimeSpan interval, DateTimeOffset nextFundingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        if (sample == Sample && predicted == Predicted && interval == Interval && nextFundingTime == NextFundingTime)
        {
            // Most market updates move the book, not the funding: nothing to record, nothing to allocate.
            return this;
        }

        var settled = Settled;
        if (!IsEmpty && nextFundingTime > NextFundingTime)
        {
            settled = settled.Add(new SettledRate(NextFundingTime, new FundingRate(Sample, Interval).PerDay));
            var oldest = NextFundingTime - Window;
            var stale = 0;
            while (stale < settled.Length && settled[stale].At <= oldest)
            {
                stale++;
            }

            settled = settled.RemoveRange(0, stale);
        }

        return this with { Interval = interval, Sample = sample, Predicted = predicted, NextFundingTime = nextFundingTime, Settled = settled };
    }
}
