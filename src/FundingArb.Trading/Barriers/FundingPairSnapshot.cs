namespace FundingArb.Trading.Barriers;

/// A funding pair's state at one step, in quote unless said. ExpectedSpreadPerDay is the spread the pair is expected
/// to earn per day over the horizon in the entered direction (short-venue rate minus long-venue rate, each venue's
/// estimate), so a positive spread earns; NextSpreadPerDay is the same spread as the next settlements will pay it
/// (each venue's prediction and sample, without its settled past). LegsNetPnl is both legs' PnL at their exit prices net of the fees already paid;
/// FundingCollected is the funding of both legs; ExitFees is what closing both legs would cost now; RoundTripCost is
/// what entering this pair again and leaving it would cost; PositionSizeQuote is one leg's notional. Alternative, when
/// known, is the best other direction for the asset.
public readonly record struct FundingPairSnapshot
{
    public FundingPairSnapshot(
        decimal expectedSpreadPerDay,
        decimal nextSpreadPerDay,
        decimal legsNetPnl,
        decimal fundingCollected,
        decimal exitFees,
        decimal roundTripCost,
        decimal positionSizeQuote,
        DateTimeOffset openedAt,
        DateTimeOffset now,
        SwitchCandidate? alternative = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exitFees);
        ArgumentOutOfRangeException.ThrowIfNegative(roundTripCost);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positionSizeQuote);
        ArgumentOutOfRangeException.ThrowIfLessThan(now, openedAt);
        ExpectedSpreadPerDay = expectedSpreadPerDay;
        NextSpreadPerDay = nextSpreadPerDay;
        LegsNetPnl = legsNetPnl;
        FundingCollected = fundingCollected;
        ExitFees = exitFees;
        RoundTripCost = roundTripCost;
        PositionSizeQuote = positionSizeQuote;
        OpenedAt = openedAt;
        Now = now;
        Alternative = alternative;
    }

    public decimal ExpectedSpreadPerDay { get; }

    public decimal NextSpreadPerDay { get; }

    public decimal LegsNetPnl { get; }

    public decimal FundingCollected { get; }

    public decimal ExitFees { get; }

    public decimal RoundTripCost { get; }

    public decimal PositionSizeQuote { get; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset Now { get; }

    public SwitchCandidate? Alternative { get; }

    /// What closing now would leave: legs, funding, minus the exit fees.
    public decimal NetProfitIfClosed => LegsNetPnl + FundingCollected - ExitFees;

    /// The funding staying is expected to collect over the horizon.
    public decimal ExpectedFundingOver(TimeSpan horizon) => FundingOver(ExpectedSpreadPerDay, horizon);

    /// The funding a spread per day pays this pair's notional over the horizon.
    public decimal FundingOver(decimal spreadPerDay, TimeSpan horizon) => spreadPerDay * PositionSizeQuote * horizon.Ticks / TimeSpan.TicksPerDay;
}
