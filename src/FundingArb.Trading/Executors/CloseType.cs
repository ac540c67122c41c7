namespace FundingArb.Trading.Executors;

/// Why an executor closed. Values 1 to 10 are Hummingbot's, so stored reports compare;
/// RolledBack is ours: a pair entry that filled one leg and unwound it.
public enum CloseType
{
    TimeLimit = 1,
    StopLoss = 2,
    TakeProfit = 3,
    Expired = 4,
    EarlyStop = 5,
    TrailingStop = 6,
    InsufficientBalance = 7,
    Failed = 8,
    Completed = 9,
    PositionHold = 10,
    RolledBack = 11,
}
