namespace FundingArb.Trading.Funding;

/// How a venue's expected funding rate blends what is known of it (`strategy.funding-arb.entry.estimate`): the venue's
/// predicted next rate, the mean of the rates it settled within SettledWindow, and the current sample. A part that is
/// not known yet (no settlement observed) drops out and the others share its weight.
public sealed record FundingEstimateWeights
{
    public FundingEstimateWeights(decimal predicted, decimal settled, decimal sample, TimeSpan settledWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(predicted);
        ArgumentOutOfRangeException.ThrowIfNegative(settled);
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settledWindow, TimeSpan.Zero);
        if (predicted + sample <= 0m)
        {
            throw new ArgumentException("The predicted rate and the sample cannot both weigh nothing: before the first settlement nothing would be left.",
                nameof(predicted));
        }

        Predicted = predicted;
        Settled = settled;
        Sample = sample;
        SettledWindow = settledWindow;
    }

    public decimal Predicted { get; }

    public decimal Settled { get; }

    public decimal Sample { get; }

    public TimeSpan SettledWindow { get; }

    /// A mean-reverting rate's spike moves the sample, not the settled mean over the expected hold, so the sample weighs
    /// least; a venue's prediction knows of a change the settled rates have not seen yet.
    public static FundingEstimateWeights Default { get; } = new(0.25m, 0.6m, 0.15m, TimeSpan.FromDays(3));
}
