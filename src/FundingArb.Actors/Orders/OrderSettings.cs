namespace FundingArb.Actors.Orders;

/// How order actors execute and retry (`fundingarb.actors.orders`).
public sealed record OrderSettings
{
    public ExecutionMode Mode { get; init; } = ExecutionMode.LimitWithFallback;

    /// How long a post-only order rests before the fallback takes the remainder at market.
    public TimeSpan LimitTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// Post-only orders refused for crossing (each re-priced at the new touch) before the leg gives up.
    public int MaxAttempts { get; init; } = 5;

    /// The wait before trying again after a refusal for connection trouble or a market order that filled nothing.
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// The venues' request window: an order whose answer was lost is looked up only after it, so a request
    /// still on its way cannot be mistaken for one that never arrived.
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ChaseInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// How far (basis points) the touch may move from a chasing order's price before it is re-placed.
    public decimal ChaseThresholdBps { get; init; } = 2m;

    public static OrderSettings Default { get; } = new();
}
