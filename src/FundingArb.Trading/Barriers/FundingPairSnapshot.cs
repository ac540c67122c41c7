namespace FundingArb.Trading.Barriers;

/// A funding pair's state at one step. Spreads are per day in the entered direction (short-venue rate minus
/// long-venue rate), so a positive spread earns. LegsNetPnl is both legs' PnL at their exit prices net of the
/// fees already paid; FundingCollected is the funding of both legs, counted per venue; ExitFees is what
/// closing both legs would cost now; PositionSizeQuote is one leg's notional at entry.
/// AlternativeNetEdge, when known, is the best other pair's net edge over the horizon after its own
/// entry and exit fees, as a fraction of notional.
public readonly record struct FundingPairSnapshot
{
    public FundingPairSnapshot(
        decimal entrySpreadPerDay,
        decimal currentSpreadPerDay,
        decimal legsNetPnl,
        decimal fundingCollected,
        decimal exitFees,
        decimal positionSizeQuote,
        DateTimeOffset openedAt,
        DateTimeOffset now,
        decimal? alternativeNetEdge = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entrySpreadPerDay);
        ArgumentOutOfRangeException.ThrowIfNegative(exitFees);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positionSizeQuote);
        ArgumentOutOfRangeException.ThrowIfLessThan(now, openedAt);
        EntrySpreadPerDay = entrySpreadPerDay;
        CurrentSpreadPerDay = currentSpreadPerDay;
        LegsNetPnl = legsNetPnl;
        FundingCollected = fundingCollected;
        ExitFees = exitFees;
        PositionSizeQuote = positionSizeQuote;
        OpenedAt = openedAt;
        Now = now;
        AlternativeNetEdge = alternativeNetEdge;
    }

    public decimal EntrySpreadPerDay { get; }

    public decimal CurrentSpreadPerDay { get; }

    public decimal LegsNetPnl { get; }

    public decimal FundingCollected { get; }

    public decimal ExitFees { get; }

    public decimal PositionSizeQuote { get; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset Now { get; }

    public decimal? AlternativeNetEdge { get; }

    /// What closing now would leave in quote: legs, funding, minus the exit fees.
    public decimal NetProfitIfClosed => LegsNetPnl + FundingCollected - ExitFees;
}
