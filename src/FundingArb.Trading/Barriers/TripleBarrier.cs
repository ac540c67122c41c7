namespace FundingArb.Trading.Barriers;

/// Hummingbot's triple barrier. StopLoss and TakeProfit are positive fractions of
/// entry notional, compared with net PnL (fees included); a null barrier is off. The time limit runs from
/// the executor's creation, not from its fill.
public sealed record TripleBarrier
{
    private readonly decimal? _stopLoss;
    private readonly decimal? _takeProfit;
    private readonly TimeSpan? _timeLimit;

    public decimal? StopLoss
    {
        get => _stopLoss;
        init => _stopLoss = Positive(value, nameof(StopLoss));
    }

    public decimal? TakeProfit
    {
        get => _takeProfit;
        init => _takeProfit = Positive(value, nameof(TakeProfit));
    }

    public TimeSpan? TimeLimit
    {
        get => _timeLimit;
        init => _timeLimit = value is null || value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TimeLimit), value, "A time limit must be positive.");
    }

    public TrailingStop? TrailingStop { get; init; }

    /// Scales stop loss, take profit and both trailing figures by factor; the time limit stays.
    public TripleBarrier WithVolatility(decimal factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return this with
        {
            StopLoss = StopLoss * factor,
            TakeProfit = TakeProfit * factor,
            TrailingStop = TrailingStop is { } trailing
                ? new TrailingStop(trailing.ActivationPnl * factor, trailing.TrailingDelta * factor)
                : null,
        };
    }

    private static decimal? Positive(decimal? value, string name) =>
        value is null || value > 0m ? value : throw new ArgumentOutOfRangeException(name, value, "A barrier must be a positive fraction.");
}
