using System.Collections.Immutable;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using Akka.Actor;
using Akka.Event;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Control;

// Proposes, never trades: every scan it takes one market snapshot, ranks each asset's best direction by net edge
// after round-trip fees (Trading's FundingRateAnalyzer), and asks its parent to create executors within the
// limits (max pairs, max new pairs per cycle, cooldown per asset after a close). Assets and venues are visited in
// ordinal order so the same snapshot always gives the same proposals. A closed pair can be entered again.

/// The funding-arb controller: on a timer, turns funding spreads into CreateExecutor proposals.
public sealed class FundingArbController : ReceiveActor, IWithTimers
{
    private readonly IActorRef _marketData;
    private readonly FundingArbSettings _settings;
    private readonly FundingSelectionSettings _selection;
    private readonly Dictionary<string, PairReport> _executors = [];
    private readonly Dictionary<string, DateTimeOffset> _proposed = new(StringComparer.Ordinal);
    private ImmutableArray<FundingOpportunity> _opportunities = [];

    public FundingArbController(IActorRef marketData, FundingArbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(settings);
        _marketData = marketData;
        _settings = settings;
        _selection = FundingSelectionSettings.Default with { MinSpreadPerDay = settings.MinEdgePerDay, Horizon = settings.Horizon };

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
            var quotes = markets[asset].Select(m => m.Funding.ToQuote(m.Instrument.Base));
            var selection = FundingRateAnalyzer.SelectBest(new Asset(asset), quotes, fees, _selection, snapshot.At);
            if (selection.Best is { } best)
            {
                opportunities.Add(best);
            }
        }

        _opportunities = [.. opportunities.OrderByDescending(o => o.NetEdge).ThenBy(o => o.Asset.Code, StringComparer.Ordinal)];
        Context.Parent.Tell(new OpportunitiesUpdated(_opportunities));
        Propose(markets, snapshot.At);
    }

    private void Propose(ILookup<string, MarketQuote> markets, DateTimeOffset now)
    {
        var active = _executors.Values.Where(r => r.Phase != PairPhase.Closed).ToArray();
        var proposed = _proposed.Keys.Count(asset => IsProposed(asset, now));
        var room = Math.Min(_settings.MaxPairs - active.Length - proposed, _settings.MaxNewPairsPerCycle);
        foreach (var opportunity in _opportunities.Where(o => o.NetEdge > 0m))
        {
            if (room <= 0)
            {
                return;
            }

            var asset = opportunity.Asset.Code;
            if (active.Any(r => r.Spec.Asset == asset) || IsProposed(asset, now) || IsCoolingDown(asset, now))
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
