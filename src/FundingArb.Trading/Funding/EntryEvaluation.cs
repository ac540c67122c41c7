using System.Globalization;

namespace FundingArb.Trading.Funding;

/// A pair's expected value at entry, in quote: the funding its expected spread pays one leg's notional over the
/// expected hold, against its round-trip costs. Cover is how many times the funding pays the costs.
public readonly record struct EntryEvaluation(decimal ExpectedSpreadPerDay, decimal ExpectedFunding, RoundTripCosts Costs)
{
    /// Null when nothing costs (Cover is then unbounded).
    public decimal? Cover => Costs.Total > 0m ? ExpectedFunding / Costs.Total : null;

    public decimal ExpectedNet => ExpectedFunding - Costs.Total;

    public static EntryEvaluation Of(decimal expectedSpreadPerDay, TimeSpan hold, decimal notional, RoundTripCosts costs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hold, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(notional);
        return new EntryEvaluation(expectedSpreadPerDay, expectedSpreadPerDay * notional * hold.Ticks / TimeSpan.TicksPerDay, costs);
    }

    /// Worth entering: the expected funding is positive and at least costCover times the costs.
    public bool Covers(decimal costCover) => ExpectedFunding > 0m && ExpectedFunding >= costCover * Costs.Total;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"expected funding {ExpectedFunding:0.##} over the hold against costs {Costs.Total:0.##} (fees {Costs.EntryFees + Costs.ExitFees:0.##}, slippage {Costs.Slippage:0.##}, basis {Costs.Basis:0.##})");
}
