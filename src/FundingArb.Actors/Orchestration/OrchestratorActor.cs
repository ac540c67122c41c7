using System.Collections.Immutable;
using FundingArb.Actors.Control;
using FundingArb.Actors.Exposure;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Risk;

namespace FundingArb.Actors.Orchestration;

// The registry is the orchestrator's journal: every executor ever created and not stored is started again after a
// restart and recovers itself from its own journal. Executors run in pair hosts that the placement puts somewhere: the
// orchestrator's children on one node, sharded entities in a cluster. A message to or from a host may be lost (a shard
// that hands off drops what it buffered, a singleton proxy that buffers past its limit drops the oldest), so the
// orchestrator repeats HostPair until the pair reports after it, and a stop until the pair's report shows it. An executor that fails is restarted by its host (it replays); one that stops
// (restarts exhausted, a journal failure) is hosted again after a backoff while the others keep running.
// Two kinds of stop are not retried forever: an executor that halted (its pair is stranded or breaks the pair rule)
// stays stopped, and one whose recovery keeps failing is tried again a bounded number of times with a growing backoff.
// Both stay listed with their last known legs and the reason. Reports are answered from the executors' latest pushed
// state, never by asking them.
//
// Pairs are checked against the venues' instruments (PairRule) before anything is journalled, so the catalogue is
// fetched from every gateway at start; a CreateExecutor waits for the first answer of every venue.

/// Supervises the funding-arb executors and the controller; keeps the executor registry; answers reports.
public sealed class OrchestratorActor : ReceivePersistentActor, IWithTimers
{
    private readonly IReadOnlyDictionary<VenueId, IActorRef> _gateways;
    private readonly IActorRef _marketData;
    private readonly IActorRef _riskGate;
    private readonly OrchestratorSettings _settings;
    private readonly RiskLimits _orderLimits;
    private readonly SortedDictionary<string, PairSpec> _registry = new(StringComparer.Ordinal);
    private readonly IPairPlacement _placement;
    private readonly SortedSet<string> _unreported = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, StopPair> _unacknowledgedStops = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PairReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _generations = [];
    private readonly HashSet<string> _halted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _recoveryFailures = new(StringComparer.Ordinal);
    private readonly HashSet<VenueId> _venuesAnswered = [];
    private readonly Dictionary<VenueId, string> _catalogueErrors = [];
    private readonly List<(CreateExecutor Command, IActorRef Sender)> _waitingForCatalogue = [];
    private readonly List<IActorRef> _waitingForRecovery = [];
    private InstrumentCatalogue _catalogue = InstrumentCatalogue.Empty;
    private IActorRef? _controller;
    private bool _draining;
    private RiskStatus? _risk;

    /// Without a placement, pair hosts are the orchestrator's children (ChildPairPlacement).
    public OrchestratorActor(IReadOnlyDictionary<VenueId, IActorRef> gateways, IActorRef marketData, IActorRef riskGate, OrchestratorSettings settings,
        RiskLimits orderLimits, IPairPlacement? placement)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(riskGate);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(orderLimits);
        _gateways = gateways;
        _marketData = marketData;
        _riskGate = riskGate;
        _settings = settings;
        _orderLimits = orderLimits;
        _placement = placement ?? new ChildPairPlacement(Context, id => PairHost.Props(id, Self,
            spec => FundingArbExecutor.Props(spec, gateways, marketData, settings.Strategy, orderLimits), settings.MaxRestarts, settings.RestartWindow));

        Recover<RecoveryCompleted>(_ => StartAll());
        Recover<ExecutorRegistered>(Register);
        Recover<ExecutorStored>(e => _registry.Remove(e.ExecutorId));

        Command<CreateExecutor>(m => OnCreate(m, Sender));
        Command<InstrumentsFetched>(OnInstruments);
        Command<InstrumentsFetchFailed>(OnInstrumentsFailed);
        Command<FetchInstrumentsOf>(m => _gateways[m.Venue].Tell(FetchInstruments.Instance));
        Command<ExecutorHalted>(OnHalted);
        Command<ExecutorRecoveryFailed>(OnRecoveryFailed);
        Command<AwaitExecutorsRecovered>(_ =>
        {
            _waitingForRecovery.Add(Sender);
            AnswerRecoveredWaiters();
        });
        Command<StopExecutor>(OnStop);
        Command<StoreExecutor>(OnStore);
        Command<StopNewPairs>(_ => DrainNewPairs());
        Command<RiskStatus>(OnRiskStatus);
        Command<OpportunitiesUpdated>(OnOpportunities);
        Command<ExecutorUpdated>(OnUpdated);
        Command<PairHosted>(OnHosted);
        Command<PairHostStarted>(OnHostStarted);
        Command<ExecutorStopped>(OnExecutorStopped);
        Command<Respawn>(m => Host(m.ExecutorId));
        Command<RedeliverUnacknowledged>(_ => Redeliver());
        Command<HandOff>(_ => Context.Stop(Self));
        Command<GetExecutors>(_ => Sender.Tell(new ExecutorsReport([.. _reports.Values])));
        Command<GetPortfolio>(_ => Sender.Tell(new PortfolioReport(Portfolio.Of(_reports.Values))));
        Command<GetPerformance>(_ => Sender.Tell(new PerformanceReported(
            PerformanceReport.Build(_reports.Values.Select(r => r.ToExecutorInfo(_settings.ControllerId)), []))));
        Command<GetOpportunities>(m =>
        {
            if (_controller is null)
            {
                Sender.Tell(new OpportunitiesReport([], Context.System.Scheduler.Now));
            }
            else
            {
                _controller.Forward(m);
            }
        });
    }

    /// The orchestrator's persistence id (its registry's journal).
    public const string Id = "orchestrator";

    public override string PersistenceId => Id;

    public ITimerScheduler Timers { get; set; } = null!;

    /// orderLimits are the per-order checks each executor makes before it intends an order (RiskGateSettings.OrderLimits).
    /// placement: where pair hosts run (null: the orchestrator's children).
    public static Props Props(IReadOnlyDictionary<VenueId, IActorRef> gateways, IActorRef marketData, IActorRef riskGate, OrchestratorSettings settings,
        RiskLimits orderLimits, IPairPlacement? placement = null) =>
        Akka.Actor.Props.Create(() => new OrchestratorActor(gateways, marketData, riskGate, settings, orderLimits, placement));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_settings.MaxRestarts, _settings.RestartWindow, _ => Directive.Restart);

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(RiskStatus));
        _riskGate.Tell(GetRiskStatus.Instance);
        foreach (var gateway in _gateways.Values)
        {
            gateway.Tell(FetchInstruments.Instance);
        }

        base.PreStart();
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    private void StartAll()
    {
        foreach (var id in _registry.Keys)
        {
            Host(id);
        }

        if (_settings.ControllerEnabled)
        {
            _controller = Context.ActorOf(FundingArbController.Props(_marketData, _settings.Strategy), "controller-funding-arb");
            foreach (var report in _reports.Values)
            {
                _controller.Tell(new ExecutorUpdated(report));
            }
        }
    }

    /// Asks the pair's host to run it, and again on every redelivery until the pair reports (a host that runs it
    /// already has it report again).
    private void Host(string executorId)
    {
        if (!_registry.TryGetValue(executorId, out var spec))
        {
            return;
        }

        _unreported.Add(executorId);
        _placement.Deliver(executorId, new HostPair(spec), Self);
        ScheduleRedelivery();
    }

    private void OnHosted(PairHosted hosted)
    {
        if (!_registry.ContainsKey(hosted.ExecutorId))
        {
            _placement.Deliver(hosted.ExecutorId, ReleasePair.Instance, Self);
        }
    }

    // A host that starts without being asked is a remembered pair that sharding restarted (on another node after a
    // crash, or after a hand-off): it runs again unless it was stored or halted meanwhile.
    private void OnHostStarted(PairHostStarted started)
    {
        if (!_registry.ContainsKey(started.ExecutorId))
        {
            _placement.Deliver(started.ExecutorId, ReleasePair.Instance, Self);
        }
        else if (!_halted.Contains(started.ExecutorId) && !_unreported.Contains(started.ExecutorId))
        {
            Host(started.ExecutorId);
        }
    }

    /// Tells the pair a stop, and again on every redelivery until its report shows it.
    private void TellStop(string executorId, StopPair stop)
    {
        _unacknowledgedStops[executorId] = stop;
        _placement.Deliver(executorId, stop, Self);
        ScheduleRedelivery();
    }

    private static bool Shows(PairReport report) =>
        report.Phase is PairPhase.RollingBack or PairPhase.Closing or PairPhase.Closed || report.Halt is not null;

    private void ScheduleRedelivery()
    {
        if (!Timers.IsTimerActive(RedeliverUnacknowledged.Instance))
        {
            Timers.StartSingleTimer(RedeliverUnacknowledged.Instance, RedeliverUnacknowledged.Instance, _settings.RedeliveryInterval);
        }
    }

    private void Redeliver()
    {
        _unreported.RemoveWhere(id => !_registry.ContainsKey(id));
        foreach (var id in _unacknowledgedStops.Keys.Where(id => !_registry.ContainsKey(id)).ToArray())
        {
            _unacknowledgedStops.Remove(id);
        }

        if (_unreported.Count > 0)
        {
            Context.GetLogger().Warning("{Count} pairs have not reported since they were hosted (first {ExecutorId}); asking their hosts again",
                _unreported.Count, _unreported.Min);
        }

        foreach (var id in _unreported)
        {
            _placement.Deliver(id, new HostPair(_registry[id]), Self);
        }

        foreach (var (id, stop) in _unacknowledgedStops)
        {
            Context.GetLogger().Warning("{ExecutorId}: the stop is not in its report yet; telling it again", id);
            _placement.Deliver(id, stop, Self);
        }

        if (_unreported.Count > 0 || _unacknowledgedStops.Count > 0)
        {
            ScheduleRedelivery();
        }
    }

    private void DrainNewPairs()
    {
        _draining = true;
        if (_controller is not null)
        {
            Context.Stop(_controller);
            _controller = null;
        }

        Sender.Tell(NewPairsStopped.Instance);
    }

    private void OnCreate(CreateExecutor create, IActorRef sender)
    {
        if (_draining)
        {
            sender.Tell(new CommandRejected("node", "is shutting down and takes no new pairs"));
            return;
        }

        if (_venuesAnswered.Count < _gateways.Count)
        {
            _waitingForCatalogue.Add((create, sender));
            return;
        }

        if (_risk is { NewPairsAllowed: false } risk)
        {
            sender.Tell(new CommandRejected("risk", risk.Refusal!));
            return;
        }

        if (Validate(create) is { } rejected)
        {
            Context.GetLogger().Warning("Pair refused: {Field}: {Reason}", rejected.Field, rejected.Reason);
            sender.Tell(rejected);
            return;
        }

        var baseId = PairSpec.BaseId(create.Asset, create.LongVenue, create.ShortVenue);
        var generation = _generations.GetValueOrDefault(baseId) + 1;
        var spec = new PairSpec($"{baseId}-{generation}", create.Asset, create.LongVenue, create.LongSymbol, create.ShortVenue, create.ShortSymbol,
            create.Quote, create.SizeQuote);
        Persist(new ExecutorRegistered(spec), e =>
        {
            Register(e);
            Host(spec.ExecutorId);
            sender.Tell(new ExecutorCreated(spec.ExecutorId));
        });
    }

    private CommandRejected? Validate(CreateExecutor create)
    {
        if (Blank(create) is { } field)
        {
            return new CommandRejected(field, "is required");
        }

        if (create.SizeQuote <= 0m)
        {
            return new CommandRejected("size_quote", $"must be positive, was {create.SizeQuote}");
        }

        var proposal = new PairProposal(new Asset(create.Asset), new VenueId(create.LongVenue), new Symbol(create.LongSymbol), new VenueId(create.ShortVenue),
            new Symbol(create.ShortSymbol), new Asset(create.Quote));
        if ((Unlisted(proposal.LongVenue, "long_venue") ?? Unlisted(proposal.ShortVenue, "short_venue")) is { } unknown)
        {
            return unknown;
        }

        if (PairRule.Check(proposal, _catalogue, _settings.Strategy.QuotesAtPar) is { } refusal)
        {
            return new CommandRejected(refusal.Field, refusal.Reason);
        }

        // A registered executor that has not reported yet is as active as one that has.
        var active = _registry.Values.FirstOrDefault(spec => spec.Asset == create.Asset && spec.LongVenue == create.LongVenue
            && spec.ShortVenue == create.ShortVenue && (!_reports.TryGetValue(spec.ExecutorId, out var report) || report.Phase != PairPhase.Closed));
        return active is null ? null : new CommandRejected("asset", $"{active.ExecutorId} already trades this pair");
    }

    private static string? Blank(CreateExecutor create) =>
        string.IsNullOrWhiteSpace(create.Asset) ? "asset"
        : string.IsNullOrWhiteSpace(create.LongVenue) ? "long_venue"
        : string.IsNullOrWhiteSpace(create.LongSymbol) ? "long_symbol"
        : string.IsNullOrWhiteSpace(create.ShortVenue) ? "short_venue"
        : string.IsNullOrWhiteSpace(create.ShortSymbol) ? "short_symbol"
        : string.IsNullOrWhiteSpace(create.Quote) ? "quote"
        : null;

    /// A venue with a gateway whose instruments could not be fetched is ours, but no pair on it can be checked yet.
    private CommandRejected? Unlisted(VenueId venue, string field) =>
        _gateways.ContainsKey(venue)
            ? _catalogueErrors.TryGetValue(venue, out var error)
                ? new CommandRejected(field, $"{venue}'s instruments are not known yet ({error}); try again shortly")
                : null
            : new CommandRejected(field, $"no venue '{venue}' on this node ({string.Join(", ", _gateways.Keys.Select(v => v.Value).Order(StringComparer.Ordinal))})");

    private void OnInstruments(InstrumentsFetched fetched)
    {
        _catalogue = _catalogue.With(fetched.Venue, fetched.Instruments);
        _catalogueErrors.Remove(fetched.Venue);
        VenueAnswered(fetched.Venue);
    }

    private void OnInstrumentsFailed(InstrumentsFetchFailed failed)
    {
        _catalogueErrors[failed.Venue] = failed.Error.Message;
        Context.GetLogger().Warning("{Venue}: instruments unavailable ({Error}); pairs on it are refused until they are known", failed.Venue,
            failed.Error.Message);
        Timers.StartSingleTimer(new FetchInstrumentsOf(failed.Venue), new FetchInstrumentsOf(failed.Venue), _settings.RespawnBackoff);
        VenueAnswered(failed.Venue);
    }

    private void VenueAnswered(VenueId venue)
    {
        if (!_venuesAnswered.Add(venue) || _venuesAnswered.Count < _gateways.Count)
        {
            return;
        }

        // Back through the mailbox, one at a time: each may persist, and the next must see the registry it wrote.
        foreach (var (command, sender) in _waitingForCatalogue)
        {
            Self.Tell(command, sender);
        }

        _waitingForCatalogue.Clear();
    }

    /// Generations only grow, stored executors included, so an id never points at an older executor's journal.
    private void Register(ExecutorRegistered registered)
    {
        var spec = registered.Spec;
        _registry[spec.ExecutorId] = spec;
        var baseId = PairSpec.BaseId(spec.Asset, spec.LongVenue, spec.ShortVenue);
        _generations[baseId] = _generations.GetValueOrDefault(baseId) + 1;

        // Before the executor exists, so a host's log enrichment knows the pair before its first line.
        Context.System.EventStream.Publish(registered);
    }

    private void OnStop(StopExecutor stop)
    {
        if (_halted.Contains(stop.ExecutorId) && _reports.TryGetValue(stop.ExecutorId, out var halted))
        {
            Sender.Tell(new CommandRejected("executor_id",
                $"{stop.ExecutorId} is halted and trades no more ({halted.Halt?.Reason}); unwind its legs at the venues, then store it"));
            return;
        }

        if (!_registry.ContainsKey(stop.ExecutorId))
        {
            Sender.Tell(new CommandRejected("executor_id", $"no executor '{stop.ExecutorId}'"));
            return;
        }

        TellStop(stop.ExecutorId, new StopPair(stop.KeepPosition));
        Sender.Tell(new CommandAccepted(stop.ExecutorId));
    }

    private void OnStore(StoreExecutor store)
    {
        if (!_reports.TryGetValue(store.ExecutorId, out var report) || !_registry.ContainsKey(store.ExecutorId))
        {
            Sender.Tell(new CommandRejected("executor_id", $"no executor '{store.ExecutorId}'"));
            return;
        }

        if (report.Status != RunnableStatus.Terminated && !_halted.Contains(store.ExecutorId))
        {
            Sender.Tell(new CommandRejected("executor_id", $"{store.ExecutorId} is {report.Phase}; stop it first"));
            return;
        }

        var sender = Sender;
        Persist(new ExecutorStored(store.ExecutorId), e =>
        {
            _registry.Remove(e.ExecutorId);
            _reports.Remove(e.ExecutorId);
            _halted.Remove(e.ExecutorId);
            _recoveryFailures.Remove(e.ExecutorId);
            _unreported.Remove(e.ExecutorId);
            _unacknowledgedStops.Remove(e.ExecutorId);
            _placement.Deliver(e.ExecutorId, ReleasePair.Instance, Self);

            sender.Tell(new CommandAccepted(e.ExecutorId));
        });
    }

    private void OnUpdated(ExecutorUpdated updated)
    {
        _recoveryFailures.Remove(updated.Report.Spec.ExecutorId);
        Record(updated);
    }

    private void Record(ExecutorUpdated updated)
    {
        var id = updated.Report.Spec.ExecutorId;
        if (!_registry.ContainsKey(id))
        {
            return;
        }

        _reports[id] = updated.Report;
        _unreported.Remove(id);
        if (_unacknowledgedStops.ContainsKey(id) && Shows(updated.Report))
        {
            _unacknowledgedStops.Remove(id);
        }

        _controller?.Tell(updated);
        _riskGate.Tell(updated);
        AnswerRecoveredWaiters();
    }

    private void OnHalted(ExecutorHalted halted)
    {
        _halted.Add(halted.Report.Spec.ExecutorId);
        Record(new ExecutorUpdated(halted.Report));
    }

    // A journal that cannot be read now will rarely read later, and every retry replays and logs it again: try a few
    // times, further apart each time, then leave the pair listed as failed until the node restarts.
    private void OnRecoveryFailed(ExecutorRecoveryFailed failed)
    {
        var id = failed.Report.Spec.ExecutorId;
        var error = failed.Report.Halt?.Reason;
        var attempts = _recoveryFailures[id] = _recoveryFailures.GetValueOrDefault(id) + 1;
        string reason;
        if (attempts >= _settings.RecoveryAttempts)
        {
            _halted.Add(id);
            reason = $"recovery failed {attempts} times; stopped until the node restarts: {error}";
            Context.GetLogger().Error("{ExecutorId}: {Reason}", id, reason);
        }
        else
        {
            reason = $"recovery failed (attempt {attempts} of {_settings.RecoveryAttempts}; retrying): {error}";
        }

        Record(new ExecutorUpdated(failed.Report with { Halt = new PairHalt(PairHaltKind.RecoveryFailed, reason) }));
    }

    private void AnswerRecoveredWaiters()
    {
        if (_waitingForRecovery.Count == 0 || _registry.Keys.Any(id => !_reports.ContainsKey(id)))
        {
            return;
        }

        var report = new ExecutorsReport([.. _reports.Values]);
        foreach (var waiter in _waitingForRecovery)
        {
            waiter.Tell(report);
        }

        _waitingForRecovery.Clear();
    }

    // Each open pair hears of the best direction for its asset when that direction is another one: switching is
    // the better-opportunity rule's call, made inside the executor with its own spread.
    private void OnOpportunities(OpportunitiesUpdated updated)
    {
        foreach (var (id, report) in _reports)
        {
            if (report.Phase != PairPhase.Open || _halted.Contains(id))
            {
                continue;
            }

            var best = updated.Opportunities.FirstOrDefault(o => o.Asset.Code == report.Spec.Asset);
            var other = best is not null && (best.LongVenue.Value != report.Spec.LongVenue || best.ShortVenue.Value != report.Spec.ShortVenue);
            _placement.Deliver(id, new AlternativeOpportunity(other ? new SwitchCandidate(best!.SpreadPerDay, best.RoundTripFeeRate) : null), Self);
        }
    }

    // An engaged kill switch with CloseAll closes every pair that is not closed yet, once per engagement.
    private void OnRiskStatus(RiskStatus status)
    {
        var closeNow = status is { KillSwitchEngaged: true, CloseAll: true } && _risk is not { KillSwitchEngaged: true, CloseAll: true };
        _risk = status;
        if (!closeNow)
        {
            return;
        }

        foreach (var id in _registry.Keys)
        {
            if (!_halted.Contains(id) && (!_reports.TryGetValue(id, out var report) || report.Phase != PairPhase.Closed))
            {
                TellStop(id, new StopPair(KeepPosition: false));
            }
        }
    }

    private void OnExecutorStopped(ExecutorStopped stopped)
    {
        var id = stopped.ExecutorId;
        if (!_registry.ContainsKey(id) || _halted.Contains(id))
        {
            return;
        }

        var backoff = _recoveryFailures.TryGetValue(id, out var failures) ? RecoveryBackoff(failures) : _settings.RespawnBackoff;
        Context.GetLogger().Warning("{ExecutorId} stopped; starting it again in {Backoff}", id, backoff);
        Timers.StartSingleTimer(new Respawn(id), new Respawn(id), backoff);
    }

    /// RecoveryBackoff after the first failure, doubling after each one, never above RecoveryMaxBackoff.
    private TimeSpan RecoveryBackoff(int failures)
    {
        var backoff = _settings.RecoveryBackoff * Math.Pow(2, Math.Min(failures - 1, 30));
        return backoff < _settings.RecoveryMaxBackoff ? backoff : _settings.RecoveryMaxBackoff;
    }

    private sealed record Respawn(string ExecutorId);

    private sealed record RedeliverUnacknowledged
    {
        public static RedeliverUnacknowledged Instance { get; } = new();
    }

    private sealed record FetchInstrumentsOf(VenueId Venue);
}
