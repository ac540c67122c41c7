namespace FundingArb.Trading.Analytics;

/// One finished trade (a closed pair or executor). NetPnl is after fees and includes funding; FundingPnl and
/// Fees are its parts, kept to compare funding collected with fees paid.
public sealed record ClosedTrade
{
    public ClosedTrade(DateTimeOffset openedAt, DateTimeOffset closedAt, decimal netPnl, decimal fundingPnl, decimal fees)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(closedAt, openedAt);
        OpenedAt = openedAt;
        ClosedAt = closedAt;
        NetPnl = netPnl;
        FundingPnl = fundingPnl;
        Fees = fees;
    }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset ClosedAt { get; }

    public decimal NetPnl { get; }

    public decimal FundingPnl { get; }

    public decimal Fees { get; }
}
