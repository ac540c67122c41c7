using System.Collections.Immutable;
using FundingArb.Actors.Control;
using FundingArb.Actors.Exposure;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Risk;

namespace FundingArb.Actors.Orchestration;

// The registry is the orchestrator's journal: every executor ever created and not stored is started again after a
// restart and recovers itself from its own journal. A child that fails is restarted by the strategy (it replays);
// one that stops (restarts exhausted, a journal failure) is respawned after a backoff while the others keep running.
// Reports are answered from the executors' latest pushed state, never by asking them.

/// Supervises the funding-arb executors and the controller; keeps the executor registry; answers reports.
public sealed class OrchestratorActor : ReceivePersistentActor
{
    private readonly IReadOnlyDictionary<VenueId, IActorRef> _gateways;
    private readonly IActorRef _marketData;
    private readonly IActorRef _riskGate;
    private readonly OrchestratorSettings _settings;
    private readonly RiskLimits _orderLimits;
    private readonly SortedDictionary<string, PairSpec> _registry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _children = [];
    private readonly SortedDictionary<string, PairReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _generations = [];
    private IActorRef? _controller;
    private bool _draining;
    private RiskStatus? _risk;

    public OrchestratorActor(IReadOnlyDictionary<VenueId, IActorRef> gateways, IActorRef marketData, IActorRef riskGate, OrchestratorSettings settings,
        RiskLimits orderLimits)
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

        Recover<RecoveryCompleted>(_ => StartAll());
        Recover<ExecutorRegistered>(Register);
        Recover<ExecutorStored>(e => _registry.Remove(e.ExecutorId));

        Command<CreateExecutor>(OnCreate);
        Command<StopExecutor>(OnStop);
        Command<StoreExecutor>(OnStore);
        Command<StopNewPairs>(_ => DrainNewPairs());
        Command<RiskStatus>(OnRiskStatus);
        Command<OpportunitiesUpdated>(OnOpportunities);
        Command<ExecutorUpdated>(OnUpdated);
        Command<Terminated>(OnTerminated);
        Command<Respawn>(m => Spawn(m.ExecutorId));
        Command<GetExecutors>(_ => Sender.Tell(new ExecutorsReport([.. _reports.Values])));
        Command<GetPortfolio>(_ => Sender.Tell(new PortfolioReport(Portfolio.Of(_reports.Values))));
        Command<GetPerformance>(_ => Sender.Tell(new PerformanceReported(
            PerformanceReport.Build(_reports.Values.Select(r => r.ToExecutorInfo(_settings.ControllerId)), []))));
        Command<GetOpportunities>(m =>
        {
            if (_controller is null)
            {
                Sender.Tell(new OpportunitiesReport([], Context.System.TimeProvider.GetUtcNow()));
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

    /// orderLimits are the per-order checks each executor makes before it intends an order (RiskGateSettings.OrderLimits).
    public static Props Props(IReadOnlyDictionary<VenueId, IActorRef> gateways, IActorRef marketData, IActorRef riskGate, OrchestratorSettings settings,
        RiskLimits orderLimits) =>
        Kernel.Props.Create(() => new OrchestratorActor(gateways, marketData, riskGate, settings, orderLimits));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(RiskStatus));
        _riskGate.Tell(GetRiskStatus.Instance);
        base.PreStart();
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_settings.MaxRestarts, _settings.RestartWindow, _ => Directive.Restart);

    private void StartAll()
    {
        foreach (var id in _registry.Keys)
        {
            Spawn(id);
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

    private void Spawn(string executorId)
    {
        if (!_registry.TryGetValue(executorId, out var spec) || _children.ContainsKey(executorId))
        {
            return;
        }

        var child = Context.ActorOf(FundingArbExecutor.Props(spec, _gateways, _marketData, _settings.Strategy, _orderLimits), executorId);
        Context.Watch(child);
        _children[executorId] = child;
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

    private void OnCreate(CreateExecutor create)
    {
        if (_draining)
        {
            Sender.Tell(new CommandRejected("node", "is shutting down and takes no new pairs"));
            return;
        }

        if (_risk is { NewPairsAllowed: false } risk)
        {
            Sender.Tell(new CommandRejected("risk", risk.Refusal!));
            return;
        }

        if (Validate(create) is { } rejected)
        {
            Sender.Tell(rejected);
            return;
        }

        var baseId = PairSpec.BaseId(create.Asset, create.LongVenue, create.ShortVenue);
        var generation = _generations.GetValueOrDefault(baseId) + 1;
        var spec = new PairSpec($"{baseId}-{generation}", create.Asset, create.LongVenue, create.LongSymbol, create.ShortVenue, create.ShortSymbol,
            create.Quote, create.SizeQuote);
        var sender = Sender;
        Persist(new ExecutorRegistered(spec), e =>
        {
            Register(e);
            Spawn(spec.ExecutorId);
            sender.Tell(new ExecutorCreated(spec.ExecutorId));
        });
    }

    private CommandRejected? Validate(CreateExecutor create)
    {
        if (string.IsNullOrWhiteSpace(create.Asset))
        {
            return new CommandRejected("asset", "is required");
        }

        if (!_gateways.ContainsKey(new VenueId(create.LongVenue)))
        {
            return new CommandRejected("long_venue", $"no venue '{create.LongVenue}' on this node");
        }

        if (!_gateways.ContainsKey(new VenueId(create.ShortVenue)))
        {
            return new CommandRejected("short_venue", $"no venue '{create.ShortVenue}' on this node");
        }

        if (create.LongVenue == create.ShortVenue)
        {
            return new CommandRejected("short_venue", "must differ from long_venue");
        }

        if (create.SizeQuote <= 0m)
        {
            return new CommandRejected("size_quote", $"must be positive, was {create.SizeQuote}");
        }

        // A registered executor that has not reported yet is as active as one that has.
        var active = _registry.Values.FirstOrDefault(spec => spec.Asset == create.Asset && spec.LongVenue == create.LongVenue
            && spec.ShortVenue == create.ShortVenue && (!_reports.TryGetValue(spec.ExecutorId, out var report) || report.Phase != PairPhase.Closed));
        return active is null ? null : new CommandRejected("asset", $"{active.ExecutorId} already trades this pair");
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
        if (!_children.TryGetValue(stop.ExecutorId, out var child))
        {
            Sender.Tell(new CommandRejected("executor_id", $"no executor '{stop.ExecutorId}'"));
            return;
        }

        child.Tell(new StopPair(stop.KeepPosition));
        Sender.Tell(new CommandAccepted(stop.ExecutorId));
    }

    private void OnStore(StoreExecutor store)
    {
        if (!_reports.TryGetValue(store.ExecutorId, out var report) || !_registry.ContainsKey(store.ExecutorId))
        {
            Sender.Tell(new CommandRejected("executor_id", $"no executor '{store.ExecutorId}'"));
            return;
        }

        if (report.Status != RunnableStatus.Terminated)
        {
            Sender.Tell(new CommandRejected("executor_id", $"{store.ExecutorId} is {report.Phase}; stop it first"));
            return;
        }

        var sender = Sender;
        Persist(new ExecutorStored(store.ExecutorId), e =>
        {
            _registry.Remove(e.ExecutorId);
            _reports.Remove(e.ExecutorId);
            if (_children.Remove(e.ExecutorId, out var child))
            {
                Context.Unwatch(child);
                Context.Stop(child);
            }

            sender.Tell(new CommandAccepted(e.ExecutorId));
        });
    }

    private void OnUpdated(ExecutorUpdated updated)
    {
        _reports[updated.Report.Spec.ExecutorId] = updated.Report;
        _controller?.Tell(updated);
        _riskGate.Tell(updated);
    }

    // Each open pair hears of the best direction for its asset when that direction is another one: switching is
    // the better-opportunity rule's call, made inside the executor with its own spread.
    private void OnOpportunities(OpportunitiesUpdated updated)
    {
        foreach (var (id, child) in _children)
        {
            if (!_reports.TryGetValue(id, out var report) || report.Phase != PairPhase.Open)
            {
                continue;
            }

            var best = updated.Opportunities.FirstOrDefault(o => o.Asset.Code == report.Spec.Asset);
            var other = best is not null && (best.LongVenue.Value != report.Spec.LongVenue || best.ShortVenue.Value != report.Spec.ShortVenue);
            child.Tell(new AlternativeOpportunity(other ? best!.NetEdge : null));
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

        foreach (var (id, child) in _children)
        {
            if (!_reports.TryGetValue(id, out var report) || report.Phase != PairPhase.Closed)
            {
                child.Tell(new StopPair(KeepPosition: false));
            }
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        var id = _children.FirstOrDefault(c => c.Value.Equals(terminated.ActorRef)).Key;
        if (id is null)
        {
            return;
        }

        _children.Remove(id);
        if (_registry.ContainsKey(id))
        {
            Context.GetLogger().Warning("{ExecutorId} stopped; starting it again in {Backoff}", id, _settings.RespawnBackoff);
            Context.System.Scheduler.ScheduleTellOnce(_settings.RespawnBackoff, Self, new Respawn(id), Self);
        }
    }

    private sealed record Respawn(string ExecutorId);
}
