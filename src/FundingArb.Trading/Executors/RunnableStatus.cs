namespace FundingArb.Trading.Executors;

/// Values are Hummingbot's.
public enum RunnableStatus
{
    NotStarted = 1,
    Running = 2,
    ShuttingDown = 3,
    Terminated = 4,
}
