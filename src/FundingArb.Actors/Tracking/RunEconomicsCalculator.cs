using FundingArb.Actors.Control;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Economics;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Tracking;

// The oracle looks only at what the strategy may trade: its assets and venues (every one when it names none), since it
// could not have earned on what it was told to leave alone. It holds, per asset, the largest size the asset's pairs
// entered with, or the strategy's size when none entered. An order whose venue did not keep its arrival mid (restored
// from an older venue file) adds no slippage, so its cost stays in basis.

/// A run's economics from what a node knows: its pair executors' reports, the venues' orders (their arrival mids) and
/// funding settlements, and the strategy's size and fees (docs/trading.md, "Economics").
public static class RunEconomicsCalculator
{
    public static RunEconomics Compute(IReadOnlyList<PairReport> executors, IEnumerable<OrderHistory> orders, IEnumerable<FundingSettlement> settlements,
        FundingArbSettings strategy)
    {
        ArgumentNullException.ThrowIfNull(executors);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(settlements);
        ArgumentNullException.ThrowIfNull(strategy);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < executors.Count; i++)
        {
            foreach (var clientOrderId in executors[i].ClientOrderIds)
            {
                owners[clientOrderId] = i;
            }
        }

        var slippage = new decimal[executors.Count];
        foreach (var history in orders)
        {
            if (history.ArrivalMid is { } mid && owners.TryGetValue(history.Order.ClientOrderId.Value, out var owner))
            {
                slippage[owner] += ArrivalSlippage.Of(history.Order, mid);
            }
        }

        var pairs = executors.Select((r, i) => new PairEconomics(r.FundingQuote, r.FeesQuote, r.TradePnlQuote, slippage[i], r.OpenedAt is not null));
        var sizes = executors.Where(r => r.OpenedAt is not null)
            .GroupBy(r => r.Spec.Asset, StringComparer.Ordinal)
            .ToDictionary(g => new Asset(g.Key), g => g.Max(r => r.Spec.SizeQuote));
        var tradable = settlements.Where(s => (strategy.Assets.IsEmpty || strategy.Assets.Contains(s.Asset.Code))
            && (strategy.Venues.IsEmpty || strategy.Venues.Contains(s.Venue.Value)));
        var oracle = HindsightOracle.Value(tradable, asset => sizes.GetValueOrDefault(asset, strategy.SizeQuote), venue => strategy.FeesOf(venue.Value));
        return RunEconomics.Of(pairs, oracle);
    }
}
