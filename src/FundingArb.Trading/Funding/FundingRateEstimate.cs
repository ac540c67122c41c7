namespace FundingArb.Trading.Funding;

/// The funding rate per day a venue is expected to pay: the weighted mean of its predicted rate, its settled mean and
/// its current sample (FundingEstimateWeights).
public static class FundingRateEstimate
{
    /// Over the expected hold: the prediction, the settled mean within the weights' window and the sample.
    public static decimal PerDay(FundingRateHistory history, FundingEstimateWeights weights)
    {
        var (total, weight) = PredictedAndSample(history, weights);
        var oldest = history.NextFundingTime - weights.SettledWindow;
        decimal settledSum = 0m;
        var settledCount = 0;
        foreach (var settled in history.Settled)
        {
            if (settled.At > oldest)
            {
                settledSum += settled.PerDay;
                settledCount++;
            }
        }

        if (settledCount > 0 && weights.Settled > 0m)
        {
            total += weights.Settled * settledSum / settledCount;
            weight += weights.Settled;
        }

        return total / weight;
    }

    /// At the next settlements: the prediction and the sample alone, without the settled past.
    public static decimal NextPerDay(FundingRateHistory history, FundingEstimateWeights weights)
    {
        var (total, weight) = PredictedAndSample(history, weights);
        return total / weight;
    }

    private static (decimal Total, decimal Weight) PredictedAndSample(FundingRateHistory history, FundingEstimateWeights weights)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(weights);
        if (history.IsEmpty)
        {
            throw new ArgumentException("Nothing was observed of this market yet.", nameof(history));
        }

        var predicted = new FundingRate(history.Predicted, history.Interval).PerDay;
        var sample = new FundingRate(history.Sample, history.Interval).PerDay;
        return ((weights.Predicted * predicted) + (weights.Sample * sample), weights.Predicted + weights.Sample);
    }
}
