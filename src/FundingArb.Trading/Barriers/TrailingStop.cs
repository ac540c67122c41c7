namespace FundingArb.Trading.Barriers;

/// Arms once net PnL (a fraction of entry notional) exceeds ActivationPnl, then closes when it falls more than
/// TrailingDelta below its best since. Hummingbot calls ActivationPnl `activation_price`, though it is a PnL
/// fraction, not a price.
public readonly record struct TrailingStop
{
    public TrailingStop(decimal activationPnl, decimal trailingDelta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trailingDelta);
        ActivationPnl = activationPnl;
        TrailingDelta = trailingDelta;
    }

    public decimal ActivationPnl { get; }

    public decimal TrailingDelta { get; }
}
