using System.Collections.Immutable;
using FundingArb.Actors.Orders;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Control;

/// The funding-arbitrage strategy (`strategy.funding-arb`; every key and default in hocon/reference.conf).
public sealed record FundingArbSettings
{
    /// Base assets to trade (BTC, ETH); empty means every asset listed on two or more venues.
    public ImmutableArray<string> Assets { get; init; } = [];

    /// Venues to trade on; empty means all.
    public ImmutableArray<string> Venues { get; init; } = [];

    /// Notional per leg, in the quote asset.
    public decimal SizeQuote { get; init; } = 1_000m;

    /// The least funding spread per day (fraction of notional) worth entering.
    public decimal MinEdgePerDay { get; init; } = 0.0005m;

    public int MaxPairs { get; init; } = 5;

    public int MaxNewPairsPerCycle { get; init; } = 1;

    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// How long both entry legs may take before the executor rolls back or completes.
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// At the entry deadline, a pair whose less-filled leg is below this fraction of the size rolls back;
    /// at or above it the short leg is completed at market.
    public decimal RollbackThreshold { get; init; } = 0.5m;

    /// No new pair on an asset for this long after one of its pairs closed.
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromHours(1);

    /// The expected hold: entries weigh a spread's funding over it against the round trip, exits the funding of staying.
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(3);

    public FundingEntrySettings Entry { get; init; } = FundingEntrySettings.Default;

    /// Quote assets a pair may mix, counted at par (reference.conf: quotes-at-par).
    public QuoteParity QuotesAtPar { get; init; } = new([new Asset("USDT"), new Asset("USDC")]);

    public FundingPairExitSettings Exit { get; init; } = FundingPairExitSettings.Default;

    public OrderSettings Orders { get; init; } = OrderSettings.Default;

    /// Each venue's maker and taker fees, for the edge after fees and the exit-fee estimate.
    public ImmutableDictionary<string, FeeSchedule> Fees { get; init; } = ImmutableDictionary<string, FeeSchedule>.Empty;

    /// What a venue without a configured schedule is assumed to charge.
    public FeeSchedule DefaultFees { get; init; } = new(0.0002m, 0.0005m);

    public FeeSchedule FeesOf(string venue) => Fees.TryGetValue(venue, out var fees) ? fees : DefaultFees;

    public static FundingArbSettings Default { get; } = new();
}
