namespace FundingArb.Trading.Executors;

/// What an executor reports about itself. NetPnlFraction is of the entry notional (Hummingbot's net_pnl_pct).
public sealed record ExecutorInfo(
    string Id,
    string Type,
    string ControllerId,
    DateTimeOffset Timestamp,
    RunnableStatus Status,
    CloseType? CloseType,
    DateTimeOffset? CloseTimestamp,
    decimal NetPnlQuote,
    decimal NetPnlFraction,
    decimal CumFeesQuote,
    decimal FilledAmountQuote,
    bool IsTrading)
{
    public string Id { get; init; } = string.IsNullOrWhiteSpace(Id) ? throw new ArgumentException("An executor needs an id.", nameof(Id)) : Id;

    public string Type { get; init; } = string.IsNullOrWhiteSpace(Type) ? throw new ArgumentException("An executor needs a type.", nameof(Type)) : Type;

    public decimal FilledAmountQuote { get; init; } = FilledAmountQuote >= 0m
        ? FilledAmountQuote
        : throw new ArgumentOutOfRangeException(nameof(FilledAmountQuote), FilledAmountQuote, "Volume cannot be negative.");

    public bool IsActive => Status is RunnableStatus.NotStarted or RunnableStatus.Running;

    public bool IsDone => Status == RunnableStatus.Terminated;
}
