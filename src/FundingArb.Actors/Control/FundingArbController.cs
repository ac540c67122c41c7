using System.Collections.Immutable;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using Akka.Actor;
using Akka.Event;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Actors.Control;

// Proposes, never trades. Every scan it takes one market snapshot and folds each market's funding into its history,
// so each venue's rate is an estimate (its prediction, its settled mean and the sample, blended) rather than the
// latest sample of a mean-reverting rate. It ranks each asset's directions by the estimated spread's net edge after
// round-trip fees (Trading's FundingRateAnalyzer), prices the best one's round trip on the books (fees, slippage,
// the premium paid between the venues), and proposes it once its expected funding over the horizon has covered those
// costs `cost-cover` times on `persistence-samples` scans in a row, within the limits (max pairs, max new pairs per
// cycle, cooldown per asset after a close). Assets and venues are visited in ordinal order so the same snapshots
// always give the same proposals. A closed pair can be entered again.

/// The funding-arb controller: on a timer, turns funding spreads into CreateExecutor proposals.
public sealed class FundingArbController : ReceiveActor, IWithTimers
{
    private readonly IActorRef _marketData;
    private readonly FundingArbSettings _settings;
    private readonly FundingSelectionSettings _selection;
    private readonly Dictionary<string, PairReport> _executors = [];
    private readonly Dictionary<string, DateTimeOffset> _proposed = new(StringComparer.Ordinal);
    private readonly Dictionary<(VenueId Venue, Symbol Symbol), FundingRateHistory> _rates = [];
    private readonly Dictionary<string, (VenueId Long, VenueId Short, int Scans, EntryEvaluation Latest)> _covering = new(StringComparer.Ordinal);
    private ImmutableArray<FundingOpportunity> _opportunities = [];

    public FundingArbController(IActorRef marketData, FundingArbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(settings);
        _marketData = marketData;
        _settings = settings;
        _selection = FundingSelectionSettings.Default with
        {
            MinSpreadPerDay = settings.MinEdgePerDay,
            Horizon = settings.Horizon,
            EntryRole = settings.Orders.Mode.ExpectedEntryRole(),
        };

        Receive<Scan>(_ => _marketData.Tell(GetMarketSnapshot.Instance));
        Receive<MarketSnapshot>(Decide);
        Receive<ExecutorUpdated>(m =>
        {
            _executors[m.Report.Spec.ExecutorId] = m.Report;
            _proposed.Remove(m.Report.Spec.Asset);
        });
        Receive<GetOpportunities>(_ => Sender.Tell(new OpportunitiesReport(_opportunities, Context.System.Scheduler.Now)));
        Receive<ExecutorCreated>(_ => { });
        Receive<CommandRejected>(m =>
        {
            Context.GetLogger().Info("controller proposal rejected: {Field} {Reason}", m.Field, m.Reason);
            _proposed.Clear();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef marketData, FundingArbSettings settings) =>
        Akka.Actor.Props.Create(() => new FundingArbController(marketData, settings));

    protected override void PreStart() => Timers.StartPeriodicTimer(Scan.Instance, Scan.Instance, _settings.ScanInterval);

    private void Decide(MarketSnapshot snapshot)
    {
        // A dated future pays no funding and a halted market takes no orders: neither is an opportunity.
        var markets = snapshot.Markets
            .Where(m => m.Instrument is { Kind: InstrumentKind.Perpetual, IsTradable: true })
            .Where(m => _settings.Venues.IsEmpty || _settings.Venues.Contains(m.Instrument.Venue.Value))
            .Where(m => _settings.Assets.IsEmpty || _settings.Assets.Contains(m.Instrument.Base.Code))
            .ToLookup(m => m.Instrument.Base.Code);
        var fees = new FeeTable(markets.SelectMany(g => g).Select(m => m.Instrument.Venue).Distinct()
            .Select(v => KeyValuePair.Create(v, _settings.FeesOf(v.Value))));
        var opportunities = ImmutableArray.CreateBuilder<FundingOpportunity>();
        foreach (var asset in markets.Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            var quotes = markets[asset].Select(m => EstimatedQuote(m)).ToList();
            var selection = FundingRateAnalyzer.SelectBest(new Asset(asset), quotes, fees, _selection, snapshot.At);
            if (selection.Best is { } best)
            {
                opportunities.Add(best);
            }

            CountCoveringScans(asset, selection.Best, markets[asset]);
        }

        _opportunities = [.. opportunities.OrderByDescending(o => o.NetEdge).ThenBy(o => o.Asset.Code, StringComparer.Ordinal)];
        Context.Parent.Tell(new OpportunitiesUpdated(_opportunities));
        Propose(markets, snapshot.At);
    }

    /// The market's funding with its rate replaced by the estimate, per its own interval.
    private FundingQuote EstimatedQuote(MarketQuote market)
    {
        var key = (market.Instrument.Venue, market.Instrument.Symbol);
        var funding = market.Funding;
        var history = (_rates.GetValueOrDefault(key) ?? FundingRateHistory.Empty(_settings.Entry.Estimate.SettledWindow))
            .Observe(funding.Rate.Rate, funding.PredictedNextRate, funding.Interval, funding.NextFundingTime);
        _rates[key] = history;
        var perInterval = FundingRateEstimate.PerDay(history, _settings.Entry.Estimate) * funding.Interval.Ticks / TimeSpan.TicksPerDay;
        return new FundingQuote(funding.Venue, market.Instrument.Base, new FundingRate(perInterval, funding.Interval), funding.At);
    }

    // Only the asset's best direction is counted: a scan on which it is another direction, or none covers its costs,
    // starts the count again.
    private void CountCoveringScans(string asset, FundingOpportunity? best, IEnumerable<MarketQuote> markets)
    {
        if (best is null || Evaluate(best, markets) is not { } evaluation || !evaluation.Covers(_settings.Entry.CostCover))
        {
            _covering.Remove(asset);
            return;
        }

        _covering[asset] = _covering.TryGetValue(asset, out var counted) && counted.Long == best.LongVenue && counted.Short == best.ShortVenue
            ? counted with { Scans = counted.Scans + 1, Latest = evaluation }
            : (best.LongVenue, best.ShortVenue, 1, evaluation);
    }

    /// The direction's expected funding over the horizon against its round trip priced on the books; null when a book
    /// is too thin for the size.
    private EntryEvaluation? Evaluate(FundingOpportunity opportunity, IEnumerable<MarketQuote> markets)
    {
        var longMarket = markets.First(m => m.Instrument.Venue == opportunity.LongVenue);
        var shortMarket = markets.First(m => m.Instrument.Venue == opportunity.ShortVenue);
        var costs = RoundTripCostEstimator.Estimate(_settings.SizeQuote,
            new LegBook(_settings.FeesOf(opportunity.LongVenue.Value), longMarket.Book.Bids, longMarket.Book.Asks),
            new LegBook(_settings.FeesOf(opportunity.ShortVenue.Value), shortMarket.Book.Bids, shortMarket.Book.Asks),
            _selection.EntryRole, LiquidityThresholds.Default);
        return costs is { } priced ? EntryEvaluation.Of(opportunity.SpreadPerDay, _settings.Horizon, _settings.SizeQuote, priced) : null;
    }

    private void Propose(ILookup<string, MarketQuote> markets, DateTimeOffset now)
    {
        var active = _executors.Values.Where(r => r.Phase != PairPhase.Closed).ToArray();
        var proposed = _proposed.Keys.Count(asset => IsProposed(asset, now));
        var room = Math.Min(_settings.MaxPairs - active.Length - proposed, _settings.MaxNewPairsPerCycle);
        foreach (var opportunity in _opportunities)
        {
            if (room <= 0)
            {
                return;
            }

            var asset = opportunity.Asset.Code;
            if (!_covering.TryGetValue(asset, out var covering) || covering.Scans < _settings.Entry.PersistenceSamples
                || active.Any(r => r.Spec.Asset == asset) || IsProposed(asset, now) || IsCoolingDown(asset, now))
            {
                continue;
            }

            var longMarket = markets[asset].First(m => m.Instrument.Venue == opportunity.LongVenue).Instrument;
            var shortMarket = markets[asset].First(m => m.Instrument.Venue == opportunity.ShortVenue).Instrument;
            var proposal = new PairProposal(opportunity.Asset, longMarket.Venue, longMarket.Symbol, shortMarket.Venue, shortMarket.Symbol, longMarket.Quote);
            if (PairRule.CheckLegs(proposal, longMarket, shortMarket, _settings.QuotesAtPar) is { } refusal)
            {
                Context.GetLogger().Debug("{Asset}: the best spread cannot be a pair: {Refusal}", asset, refusal);
                continue;
            }

            Context.Parent.Tell(new CreateExecutor(asset, longMarket.Venue.Value, longMarket.Symbol.Value, shortMarket.Venue.Value, shortMarket.Symbol.Value,
                longMarket.Quote.Code, _settings.SizeQuote));
            Context.GetLogger().Info("{Asset}: long {Long} short {Short}: {Economics}", asset, opportunity.LongVenue, opportunity.ShortVenue,
                covering.Latest.Describe());
            _proposed[asset] = now;
            room--;
        }
    }

    // A proposal counts as a pair from the moment it is sent until its executor first reports (or the orchestrator
    // refuses it), so a scan that comes before that report does not propose the same asset again. An executor that
    // never reports frees its asset after an entry timeout.
    private bool IsProposed(string asset, DateTimeOffset now) =>
        _proposed.TryGetValue(asset, out var at) && now - at < _settings.EntryTimeout + _settings.ScanInterval;

    private bool IsCoolingDown(string asset, DateTimeOffset now) =>
        _executors.Values.Any(r => r.Spec.Asset == asset && r.ClosedAt is { } closed && now - closed < _settings.Cooldown);

    private sealed record Scan
    {
        public static Scan Instance { get; } = new();
    }
}
