using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using FundingArb.Actors.Control;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Risk;
using FundingArb.Venues;

namespace FundingArb.Actors.Pairs;

// The two-leg entry: pre-flight, EntryStarted, both legs at once through order actors, every fill
// persisted; both filled → Open; a failed leg or the deadline → rollback (or completion of the short leg when the
// less-filled leg is at or above the rollback threshold). Each phase works toward target positions (entry:
// +size / −size; rollback and exit: flat), so a recovered executor resumes by spawning the phase's legs for what
// is still missing, with the orders whose outcome the journal does not know reconciled first. PairTransitions is the
// phase machine; this file holds recovery and the market, and the partial files one concern each: the entry, the legs
// and their orders, funding, the exit, and what the executor reports.

/// Persistent executor of one funding-arb pair: entry, rollback, funding, exit rules and exit.
public sealed partial class FundingArbExecutor : ReceivePersistentActor, IWithTimers
{
    private readonly PairSpec _spec;
    private readonly IReadOnlyDictionary<VenueId, IActorRef> _gateways;
    private readonly IActorRef _marketData;
    private readonly FundingArbSettings _settings;
    private readonly RiskLimits _orderLimits;
    private readonly CombinedExitManager _exitRules;
    private readonly PairState _state;
    private readonly ClientOrderIdSource _orderIds;
    private readonly Dictionary<LegId, LegRun> _legs = [];
    private readonly Dictionary<LegId, OrderRequest> _firstOrders = [];
    private MarketQuote? _long;
    private MarketQuote? _short;
    private FundingRateHistory _longRates;
    private FundingRateHistory _shortRates;
    private bool _resumed;
    private SwitchCandidate? _alternative;
    private int _spawned;

    public FundingArbExecutor(PairSpec spec, IReadOnlyDictionary<VenueId, IActorRef> gateways, IActorRef marketData, FundingArbSettings settings,
        RiskLimits orderLimits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(orderLimits);
        _spec = spec;
        _gateways = gateways;
        _marketData = marketData;
        _settings = settings;
        _orderLimits = orderLimits;
        _exitRules = CombinedExitManager.Create(settings.Exit);
        _state = new PairState(spec);
        _orderIds = new ClientOrderIdSource(spec.ExecutorId);
        _longRates = FundingRateHistory.Empty(settings.Entry.Estimate.SettledWindow);
        _shortRates = _longRates;

        Recover<RecoveryCompleted>(_ => OnRecovered());
        Recover<object>(e => _state.Apply(e));

        Command<MarketUpdated>(OnMarket);
        Command<IntendOrder>(OnIntend);
        Command<LegFillReported>(OnFill);
        Command<LegOrderResolved>(OnResolved);
        Command<LegDone>(OnLegDone);
        Command<EntryDeadline>(_ => OnEntryDeadline());
        Command<RetryLegs>(_ => Progress());
        Command<FundingSettled>(OnFunding);
        Command<UserStreamResumed>(m => ReconcileFunding(m.Venue));
        Command<FundingHistoryFetched>(OnFundingHistory);
        Command<FundingHistoryFailed>(OnFundingHistoryFailed);
        Command<FundingReconcileDue>(m => ReconcileFunding(m.Venue));
        Command<StopPair>(OnStop);
        Command<AlternativeOpportunity>(m => _alternative = m.Candidate);
        Command<GetPairReport>(_ => Sender.Tell(new ExecutorUpdated(Report())));
        Command<Terminated>(OnLegTerminated);
        Command<HandOff>(_ => Context.Stop(Self));
    }

    public override string PersistenceId => _spec.ExecutorId;

    /// An executor never saves a snapshot (its journal is short and the crash tests replay every event), so its
    /// recovery skips the snapshot store.
    public override Recovery Recovery { get; } = new(SnapshotSelectionCriteria.None);

    public ITimerScheduler Timers { get; set; } = null!;

    public PairState State => _state;

    public static Props Props(PairSpec spec, IReadOnlyDictionary<VenueId, IActorRef> gateways, IActorRef marketData, FundingArbSettings settings,
        RiskLimits orderLimits) =>
        Akka.Actor.Props.Create(() => new FundingArbExecutor(spec, gateways, marketData, settings, orderLimits));

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    // An order actor that fails is stopped, not restarted: a restart would keep the assignment it was spawned with
    // and forget the orders it placed since, so it could place its quantity again. The leg is spawned anew after a
    // backoff from what the journal knows (its unresolved orders looked up first, the quantity still missing).
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// The parent hears of the pair as far as its journal could be read, so it stays listed with its legs and the error.
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        base.OnRecoveryFailure(reason, message);
        Context.Parent.Tell(new ExecutorRecoveryFailed(Report() with { Halt = new PairHalt(PairHaltKind.RecoveryFailed, reason.Message) }));
    }

    // A rejected intent was never written, so its order is never sent: its leg hears so and fails, and the phase decides.
    // Any other rejected event is a decision or a fill the journal does not hold, so the executor stops (the orchestrator
    // starts it again from what the journal holds; a fill is found again at its venue by client order id). A failed write
    // stops the executor too (Akka's default): the write may or may not have happened, and only a replay can tell.
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        if (@event is PairOrderIntended intended && LegId.Parse(intended.Leg) is var leg && _legs.TryGetValue(leg, out var run))
        {
            run.Actor.Tell(new OrderIntentRefused(leg, $"the journal rejected the order's intent: {cause.Message}"));
            return;
        }

        Context.Stop(Self);
    }

    private void OnRecovered()
    {
        if (_state.Phase != PairPhase.Closed && MissingVenues() is { Length: > 0 } missing)
        {
            Halt(new PairHalt(PairHaltKind.Stranded, string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(" and ", missing)} {(missing.Length == 1 ? "is" : "are")} not configured on this node; {DescribeLegs()}")));
            return;
        }

        if (_state.Phase != PairPhase.Closed)
        {
            _marketData.Tell(new SubscribeMarket(_spec.LongVenueId, _spec.LongSymbolId));
            _marketData.Tell(new SubscribeMarket(_spec.ShortVenueId, _spec.ShortSymbolId));
        }

        if (_state.Phase is not (PairPhase.New or PairPhase.Closed))
        {
            SubscribeFunding();
            ReconcileFunding(_spec.LongVenueId);
            ReconcileFunding(_spec.ShortVenueId);
        }

        Context.Parent.Tell(new ExecutorUpdated(Report()));
    }

    private void OnMarket(MarketUpdated update)
    {
        var quote = update.Quote;
        if (quote.Instrument.Venue == _spec.LongVenueId && quote.Instrument.Symbol == _spec.LongSymbolId)
        {
            _long = quote;
            _longRates = Observe(_longRates, quote.Funding);
        }

        if (quote.Instrument.Venue == _spec.ShortVenueId && quote.Instrument.Symbol == _spec.ShortSymbolId)
        {
            _short = quote;
            _shortRates = Observe(_shortRates, quote.Funding);
        }

        if (_long is null || _short is null)
        {
            return;
        }

        if (!_resumed)
        {
            if (PairRule.CheckLegs(_spec.ToProposal(), _long.Instrument, _short.Instrument, _settings.QuotesAtPar) is { } refusal)
            {
                RefusePair(refusal);
                return;
            }

            _resumed = true;
            Resume();
        }
        else if (_state.Phase == PairPhase.Open)
        {
            EvaluateExit();
        }
    }

    private static FundingRateHistory Observe(FundingRateHistory history, FundingInfo funding) =>
        history.Observe(funding.Rate.Rate, funding.PredictedNextRate, funding.Interval, funding.NextFundingTime);

    /// The spread per day the pair is expected to earn over the horizon: each leg's venue rate as the controller
    /// estimates it.
    private decimal ExpectedSpreadPerDay() =>
        FundingRateEstimate.PerDay(_shortRates, _settings.Entry.Estimate) - FundingRateEstimate.PerDay(_longRates, _settings.Entry.Estimate);

    /// The spread per day the next settlements are expected to pay.
    private decimal NextSpreadPerDay() =>
        FundingRateEstimate.NextPerDay(_shortRates, _settings.Entry.Estimate) - FundingRateEstimate.NextPerDay(_longRates, _settings.Entry.Estimate);

    // A pair that breaks the pair rule is never traded: before its entry nothing has been placed, so it closes as a
    // failed pre-flight; after it, whatever it holds is left for the user to unwind, and the executor stops.
    private void RefusePair(FieldRefusal refusal)
    {
        Log.Error("{ExecutorId}: the pair breaks the pair rule: {Refusal}", _spec.ExecutorId, refusal);
        if (_state.Phase == PairPhase.New)
        {
            Persist(new PairClosed(CloseType.Failed, $"pre-flight: {refusal}", Now), Record);
            return;
        }

        Halt(new PairHalt(PairHaltKind.RuleBroken, $"{refusal}; {DescribeLegs()}"));
    }

    /// Stops managing the pair, before any leg was spawned: nothing is left running, and the parent hears why.
    private void Halt(PairHalt halt)
    {
        Log.Error("{ExecutorId} halted ({Kind}): {Reason}", _spec.ExecutorId, halt.Kind, halt.Reason);
        _marketData.Tell(new UnsubscribeMarket(_spec.LongVenueId, _spec.LongSymbolId));
        _marketData.Tell(new UnsubscribeMarket(_spec.ShortVenueId, _spec.ShortSymbolId));
        Context.Parent.Tell(new ExecutorHalted(Report() with { Halt = halt }));
        Context.Stop(Self);
    }

    private string[] MissingVenues() =>
        [.. new[] { _spec.LongVenueId, _spec.ShortVenueId }.Where(v => !_gateways.ContainsKey(v)).Select(v => v.Value)];

    private void Resume()
    {
        switch (_state.Phase)
        {
            case PairPhase.New:
                StartEntry();
                break;
            case PairPhase.Opening when _state.EntryRefusal is { } refusal:
                ChangePhase(new PairRollbackStarted($"entry refused: {refusal}", Now));
                break;
            case PairPhase.Opening:
                ArmEntryDeadline();
                Progress();
                break;
            case PairPhase.Open:
                EvaluateExit();
                break;
            case PairPhase.Completing or PairPhase.RollingBack or PairPhase.Closing:
                Progress();
                break;
        }
    }

    private void Record(object @event)
    {
        _state.Apply(@event);
        Publish(@event);
    }

    private bool IsFullyEntered()
    {
        var tolerance = Math.Max(_long?.Instrument.Rules.BaseStep ?? 0m, _short?.Instrument.Rules.BaseStep ?? 0m);
        return _state.Size > 0m && _state.LongLeg.NetQuantity >= _state.Size - (tolerance / 2m) && -_state.ShortLeg.NetQuantity >= _state.Size - (tolerance / 2m);
    }

    private bool IsFlat() => _state.LongLeg.NetQuantity == 0m && _state.ShortLeg.NetQuantity == 0m;

    private sealed record EntryDeadline
    {
        public static EntryDeadline Instance { get; } = new();
    }

    private sealed record RetryLegs
    {
        public static RetryLegs Instance { get; } = new();
    }

    private sealed record FundingReconcileDue(VenueId Venue);
}
