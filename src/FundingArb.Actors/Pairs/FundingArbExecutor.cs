using System.Globalization;
using FundingArb.Actors.Control;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Trading.Risk;
using FundingArb.Venues;

namespace FundingArb.Actors.Pairs;

// The two-leg entry of DESIGN.md: pre-flight, EntryStarted, both legs at once through order actors, every fill
// persisted; both filled → Open; a failed leg or the deadline → rollback (or completion of the short leg when the
// less-filled leg is at or above the rollback threshold). Each phase works toward target positions (entry:
// +size / −size; rollback and exit: flat), so a recovered executor resumes by spawning the phase's legs for what
// is still missing, with the orders whose outcome the journal does not know reconciled first.

/// Persistent executor of one funding-arb pair: entry, rollback, funding, exit rules and exit.
public sealed class FundingArbExecutor : ReceivePersistentActor, IWithTimers
{
    private readonly PairSpec _spec;
    private readonly IReadOnlyDictionary<VenueId, IActorRef> _gateways;
    private readonly IActorRef _marketData;
    private readonly FundingArbSettings _settings;
    private readonly RiskLimits _orderLimits;
    private readonly CombinedExitManager _exitRules;
    private readonly PairState _state;
    private readonly ClientOrderIdSource _orderIds;
    private readonly Dictionary<string, LegRun> _legs = [];
    private readonly Dictionary<string, OrderRequest> _firstOrders = [];
    private MarketQuote? _long;
    private MarketQuote? _short;
    private bool _resumed;
    private decimal? _alternativeNetEdge;
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
        Command<AlternativeOpportunity>(m => _alternativeNetEdge = m.NetEdge);
        Command<GetPairReport>(_ => Sender.Tell(new ExecutorUpdated(Report())));
        Command<Terminated>(OnLegTerminated);
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
        }

        if (quote.Instrument.Venue == _spec.ShortVenueId && quote.Instrument.Symbol == _spec.ShortSymbolId)
        {
            _short = quote;
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

    // A pair that breaks the pair rule is never traded: before its entry nothing has been placed, so it closes as a
    // failed pre-flight; after it, whatever it holds is left for the user to unwind, and the executor stops.
    private void RefusePair(FieldRefusal refusal)
    {
        Context.GetLogger().Error("{ExecutorId}: the pair breaks the pair rule: {Refusal}", _spec.ExecutorId, refusal);
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
        Context.GetLogger().Error("{ExecutorId} halted ({Kind}): {Reason}", _spec.ExecutorId, halt.Kind, halt.Reason);
        _marketData.Tell(new UnsubscribeMarket(_spec.LongVenueId, _spec.LongSymbolId));
        _marketData.Tell(new UnsubscribeMarket(_spec.ShortVenueId, _spec.ShortSymbolId));
        Context.Parent.Tell(new ExecutorHalted(Report() with { Halt = halt }));
        Context.Stop(Self);
    }

    private string[] MissingVenues() =>
        [.. new[] { _spec.LongVenueId, _spec.ShortVenueId }.Where(v => !_gateways.ContainsKey(v)).Select(v => v.Value)];

    private string DescribeLegs() => string.Create(CultureInfo.InvariantCulture,
        $"its legs are left as they are: long {_state.LongLeg.NetQuantity:0.##########} {_spec.LongSymbol} on {_spec.LongVenue}, short {-_state.ShortLeg.NetQuantity:0.##########} {_spec.ShortSymbol} on {_spec.ShortVenue}");

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

    private void StartEntry()
    {
        var (longQuote, shortQuote) = (_long!, _short!);
        if (longQuote.Book.BestAsk is not { } longPrice || shortQuote.Book.BestBid is not { } shortPrice)
        {
            Persist(new PairClosed(CloseType.Failed, "pre-flight: a book is empty", Now), Record);
            return;
        }

        var sizing = PositionSizer.SizePair(_spec.SizeQuote, longPrice, longQuote.Instrument.Rules, shortPrice, shortQuote.Instrument.Rules);
        if (!sizing.IsValid)
        {
            Persist(new PairClosed(CloseType.InsufficientBalance, $"pre-flight: {sizing.Rejection}", Now), Record);
            return;
        }

        var refusal = OrderRefusal(isLong: true, OrderSide.Buy, sizing.BaseSize, longPrice, reduceOnly: false)
            ?? OrderRefusal(isLong: false, OrderSide.Sell, sizing.BaseSize, shortPrice, reduceOnly: false);
        if (refusal is not null)
        {
            Persist(new PairClosed(CloseType.Failed, $"pre-flight: {refusal}", Now), Record);
            return;
        }

        var spread = shortQuote.Funding.Rate.PerDay - longQuote.Funding.Rate.PerDay;
        if (spread <= 0m)
        {
            // The exit rules measure erosion against the spread at entry, so a pair that would pay funding from the
            // start has nothing to hold on to: refuse it before any order.
            Persist(new PairClosed(CloseType.Failed, string.Create(CultureInfo.InvariantCulture,
                $"pre-flight: the funding spread is {spread:0.########}/day; short {_spec.ShortVenue} against long {_spec.LongVenue} would pay, not earn"), Now), Record);
            return;
        }

        PersistPhase(new PairEntryStarted(sizing.BaseSize, longPrice, shortPrice, spread, Now), e =>
        {
            Progress();
            SubscribeFunding();
            ArmEntryDeadline();
            Publish(e);
        });
    }

    private void ArmEntryDeadline()
    {
        var due = _state.EntryStartedAt!.Value + _settings.EntryTimeout - Now;
        Timers.StartSingleTimer(EntryDeadline.Instance, EntryDeadline.Instance, due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1));
    }

    private void OnEntryDeadline()
    {
        if (_state.Phase != PairPhase.Opening)
        {
            return;
        }

        var fraction = Math.Min(_state.LongLeg.NetQuantity, -_state.ShortLeg.NetQuantity) / _state.Size;
        var reason = string.Create(CultureInfo.InvariantCulture, $"entry deadline passed with the less-filled leg at {fraction:P0}");
        if (fraction >= _settings.RollbackThreshold)
        {
            ChangePhase(new PairCompletionStarted(reason, Now));
        }
        else
        {
            ChangePhase(new PairRollbackStarted(reason, Now));
        }
    }

    private void ChangePhase(object phaseEvent) => PersistPhase(phaseEvent, EnterPhase);

    /// The legs hear of a new phase before the parent does: the parent's report, and what it passes on to the risk
    /// gate, are off the path to the next orders, so they are queued behind them.
    private void EnterPhase(object phaseEvent)
    {
        foreach (var run in _legs.Values.Where(r => !r.Done))
        {
            run.Actor.Tell(CancelLeg.Instance);
        }

        Progress();
        Publish(phaseEvent);
    }

    /// Persists a phase event with the intents of its legs' first orders when it can (see FirstOrders), applies them,
    /// then runs entered: the path from a decision to the venues waits on the journal once, not three times.
    private void PersistPhase(object phaseEvent, Action<object> entered)
    {
        var firstOrders = FirstOrders(phaseEvent);
        object[] events = [phaseEvent, .. firstOrders.Select(o => o.Intent)];
        PersistAll(events, e =>
        {
            _state.Apply(e);
            if (e is PairOrderIntended intended)
            {
                _firstOrders[intended.Leg] = firstOrders.First(o => ReferenceEquals(o.Intent, intended)).Request;
            }

            if (ReferenceEquals(e, events[^1]))
            {
                entered(phaseEvent);
            }
        });
    }

    /// The first order of each leg of the phase, when the phase's legs trade at market and will be spawned as soon as
    /// the phase is recorded (no leg of an earlier phase still working): each leg's whole quantity, if it passes the
    /// per-order risk checks. A leg left out intends its order itself, as every later order is.
    private List<FirstOrder> FirstOrders(object phaseEvent)
    {
        var (phase, size) = phaseEvent switch
        {
            PairEntryStarted entry => (PairPhase.Opening, entry.Size),
            PairCompletionStarted => (PairPhase.Completing, _state.Size),
            PairRollbackStarted => (PairPhase.RollingBack, _state.Size),
            _ => (PairPhase.Closing, _state.Size),
        };
        var orders = new List<FirstOrder>();
        if (!_resumed || ModeOf(phase) != ExecutionMode.MarketOnly || _legs.Values.Any(r => !r.Done) || PrefixOf(phase) is not { } prefix)
        {
            return orders;
        }

        foreach (var isLong in (bool[])[true, false])
        {
            var quote = isLong ? _long! : _short!;
            var rules = quote.Instrument.Rules;
            var (side, remaining) = LegWork(isLong, phase, size);
            var quantity = rules.QuantizeSize(remaining);
            var reduceOnly = IsReducing(phase);
            if (quantity <= 0m || quantity < rules.MinBaseSize
                || OrderRefusal(isLong, side, quantity, OrderRisk.ExpectedPrice(side, null, quote), reduceOnly) is not null)
            {
                continue;
            }

            // The phase event takes LastSequenceNr + 1 and the intents follow it: no earlier event is still unwritten,
            // since Persist holds commands until its handlers have run.
            var leg = prefix + (isLong ? "-long" : "-short");
            var (intent, request) = Intention(leg, quote.Instrument, OrderType.Market, side, quantity, null, reduceOnly, ExecutionMode.MarketOnly,
                LastSequenceNr + 2 + orders.Count);
            orders.Add(new FirstOrder(intent, request));
        }

        return orders;
    }

    /// Drives the current phase: spawn its legs once earlier legs have finished, and act when both are done.
    private void Progress()
    {
        if (!_resumed || PrefixOf(_state.Phase) is not { } prefix)
        {
            return;
        }

        // A recovered executor may hold orders an earlier phase's legs intended and never saw resolved (the node died
        // with them in flight, and the phase changed on recovery). They are looked up first, by legs with nothing left to
        // trade, so that this phase works from positions that include their fills.
        foreach (var earlier in _state.LegsWithUnresolvedOrders().Where(l => !l.StartsWith(prefix, StringComparison.Ordinal) && !_legs.ContainsKey(l)))
        {
            SpawnLeg(earlier);
        }

        if (_legs.Any(l => !l.Key.StartsWith(prefix, StringComparison.Ordinal) && !l.Value.Done))
        {
            return;
        }

        var longLeg = prefix + "-long";
        var shortLeg = prefix + "-short";
        var spawned = false;
        foreach (var leg in (string[])[longLeg, shortLeg])
        {
            if (!_legs.ContainsKey(leg))
            {
                SpawnLeg(leg);
                spawned = true;
            }
        }

        if (spawned)
        {
            return;
        }

        var (longRun, shortRun) = (_legs[longLeg], _legs[shortLeg]);

        if (!longRun.Done || !shortRun.Done)
        {
            return;
        }

        var failure = longRun.Failure ?? shortRun.Failure;
        switch (_state.Phase)
        {
            case PairPhase.Opening or PairPhase.Completing when IsFullyEntered():
                Persist(new PairOpened(Now), e =>
                {
                    Record(e);
                    Timers.Cancel(EntryDeadline.Instance);
                });
                break;
            case PairPhase.Opening when failure is null:
                // Both legs stopped short of the size without failing (a cancelled limit): decide as at the deadline.
                OnEntryDeadline();
                break;
            case PairPhase.Opening or PairPhase.Completing:
                ChangePhase(new PairRollbackStarted(failure ?? "completion left the legs unequal", Now));
                break;
            case PairPhase.RollingBack or PairPhase.Closing when IsFlat():
                Persist(new PairClosed(_state.Phase == PairPhase.RollingBack ? CloseType.RolledBack : _state.CloseType ?? CloseType.Completed,
                    ClosingReason(), Now), Record);
                break;
            case PairPhase.RollingBack or PairPhase.Closing:
                Context.GetLogger().Warning("{ExecutorId}: {Phase} left a position ({Failure}); retrying", _spec.ExecutorId, _state.Phase, failure);
                _legs.Remove(longLeg);
                _legs.Remove(shortLeg);
                Timers.StartSingleTimer(RetryLegs.Instance, RetryLegs.Instance, _settings.Orders.RetryBackoff);
                break;
        }
    }

    private string ClosingReason()
    {
        var net = _state.LongLeg.RealizedPnl + _state.ShortLeg.RealizedPnl + _state.FundingQuote - _state.FeesQuote;
        return _state.Phase == PairPhase.RollingBack
            ? string.Create(CultureInfo.InvariantCulture, $"rolled back: {_state.PhaseReason}; cost {-net} {_spec.Quote}")
            : _state.PhaseReason ?? "closed";
    }

    /// Spawns the leg's order actor: a leg of the current phase to do the phase's work, one of an earlier phase only to
    /// resolve its orders.
    private void SpawnLeg(string leg)
    {
        var isLong = leg.EndsWith("-long", StringComparison.Ordinal);
        var instrument = isLong ? _long!.Instrument : _short!.Instrument;
        var (side, quantity) = leg.StartsWith(PrefixOf(_state.Phase)!, StringComparison.Ordinal)
            ? LegWork(isLong, _state.Phase, _state.Size)
            : (_state.Unresolved(leg).First().Side, 0m);
        var firstOrder = _firstOrders.Remove(leg, out var request) ? request : null;
        var assignment = new LegAssignment(
            leg,
            instrument,
            side,
            quantity,
            IsReducing(_state.Phase),
            ModeOf(_state.Phase),
            [.. _state.Unresolved(leg).Where(i => i.ClientOrderId != firstOrder?.ClientOrderId.Value)
                .Select(i => new OrderIntent(new ClientOrderId(i.ClientOrderId), i.At))],
            _state.TradeIds,
            firstOrder);
        var actor = Context.ActorOf(OrderActor.Props(assignment, _gateways[instrument.Venue], _settings.Orders), $"{leg}-{++_spawned}");
        Context.Watch(actor);
        _legs[leg] = new LegRun(actor);
    }

    /// What a leg still has to trade to reach its phase's target position: ±size while entering, flat after.
    private (OrderSide Side, decimal Quantity) LegWork(bool isLong, PairPhase phase, decimal size)
    {
        var position = isLong ? _state.LongLeg.NetQuantity : _state.ShortLeg.NetQuantity;
        var target = phase is PairPhase.Opening or PairPhase.Completing ? (isLong ? size : -size) : 0m;
        var quantity = target - position;
        return (quantity >= 0m ? OrderSide.Buy : OrderSide.Sell, Math.Abs(quantity));
    }

    private static bool IsReducing(PairPhase phase) => phase is PairPhase.RollingBack or PairPhase.Closing;

    private ExecutionMode ModeOf(PairPhase phase) => phase == PairPhase.Opening ? _settings.Orders.Mode : ExecutionMode.MarketOnly;

    private void OnIntend(IntendOrder intend)
    {
        var isLong = intend.Leg.EndsWith("-long", StringComparison.Ordinal);
        var quote = isLong ? _long! : _short!;
        var price = OrderRisk.ExpectedPrice(intend.Side, intend.Price, quote);
        if (OrderRefusal(isLong, intend.Side, intend.Quantity, price, intend.ReduceOnly) is { } refusal)
        {
            // Nothing is journalled: the order never existed. The leg fails with the reason, and the phase decides.
            Context.GetLogger().Warning("{ExecutorId}: {Leg} {Side} {Quantity} at {Price} refused: {Refusal}", _spec.ExecutorId, intend.Leg, intend.Side,
                intend.Quantity, price, refusal);
            Sender.Tell(new OrderIntentRefused(intend.Leg, refusal));
            return;
        }

        var (intent, request) = Intention(intend.Leg, quote.Instrument, intend.Type, intend.Side, intend.Quantity, intend.Price, intend.ReduceOnly,
            intend.Mode, LastSequenceNr + 1);
        var sender = Sender;
        Persist(intent, e =>
        {
            _state.Apply(e);
            sender.Tell(new OrderIntentRecorded(intend.Leg, request));
            Publish(e);
        });
    }

    /// An order's write-ahead intent and the request it becomes, under the client order id derived from the sequence
    /// number the intent will be written at.
    private (PairOrderIntended Intent, OrderRequest Request) Intention(string leg, Instrument instrument, OrderType type, OrderSide side,
        decimal quantity, decimal? price, bool reduceOnly, ExecutionMode mode, long sequenceNr)
    {
        var clientOrderId = _orderIds.Derive(sequenceNr);
        var request = type switch
        {
            OrderType.Market => OrderRequest.Market(clientOrderId, instrument, side, quantity, reduceOnly: reduceOnly),
            OrderType.LimitMaker => OrderRequest.PostOnly(clientOrderId, instrument, side, quantity, price!.Value, reduceOnly),
            _ => OrderRequest.Limit(clientOrderId, instrument, side, quantity, price!.Value, reduceOnly: reduceOnly),
        };
        var intent = new PairOrderIntended(leg, clientOrderId.Value, instrument.Venue.Value, instrument.Symbol.Value, side, type, quantity, price,
            reduceOnly, Now, mode);
        return (intent, request);
    }

    private void OnFill(LegFillReported reported)
    {
        var fill = reported.Fill;
        if (_state.HasSeenTrade(fill.TradeId))
        {
            return;
        }

        var venue = reported.Leg.EndsWith("-long", StringComparison.Ordinal) ? _spec.LongVenue : _spec.ShortVenue;
        Persist(new PairLegFilled(reported.Leg, venue, fill.ClientOrderId.Value, fill.TradeId, fill.Side, fill.Price, fill.Quantity,
            fill.Fee.Amount, fill.Fee.Asset.Code, fill.Role, fill.At), e =>
        {
            Record(e);
            if (_state.Phase == PairPhase.Opening && IsFullyEntered() && _legs.Values.All(r => r.Done))
            {
                Progress();
            }
        });
    }

    private void OnResolved(LegOrderResolved resolved) =>
        Persist(new PairOrderResolved(resolved.ClientOrderId.Value, resolved.Status, resolved.Refusal), Record);

    private void OnLegDone(LegDone done)
    {
        if (!_legs.TryGetValue(done.Leg, out var run) || !run.Actor.Equals(Sender))
        {
            return;
        }

        run.Done = true;
        run.Failure = done.Failure;
        if (_state.Phase == PairPhase.Opening && done.Failure is not null)
        {
            ChangePhase(new PairRollbackStarted($"{done.Leg} failed: {done.Failure}", Now));
            return;
        }

        Progress();
    }

    /// The per-order risk checks for an order on one leg, at that leg's quote and taker fee.
    private string? OrderRefusal(bool isLong, OrderSide side, decimal quantity, decimal price, bool reduceOnly) =>
        OrderRisk.Refusal(side, quantity, price, isLong ? _long! : _short!, reduceOnly, _orderLimits,
            _settings.FeesOf(isLong ? _spec.LongVenue : _spec.ShortVenue).TakerRate);

    private void OnLegTerminated(Terminated terminated)
    {
        if (_legs.FirstOrDefault(l => l.Value.Actor.Equals(terminated.ActorRef) && !l.Value.Done) is not { Key: { } leg })
        {
            return;
        }

        Context.GetLogger().Warning("{ExecutorId}: {Leg} failed; spawning it again from the journal in {Backoff}", _spec.ExecutorId, leg,
            _settings.Orders.RetryBackoff);
        _legs.Remove(leg);
        Timers.StartSingleTimer(RetryLegs.Instance, RetryLegs.Instance, _settings.Orders.RetryBackoff);
    }

    private void OnFunding(FundingSettled settled) => RecordFunding(settled.Payment);

    /// Asks the venue for the funding it settled since the entry began: after a restart (a payment may have reached
    /// the venue's wallet but not our journal) and after the user stream was down (the venue does not replay it).
    private void ReconcileFunding(VenueId venue)
    {
        if (_state.Phase is PairPhase.New or PairPhase.Closed || _state.EntryStartedAt is not { } since)
        {
            return;
        }

        var symbol = venue == _spec.LongVenueId ? _spec.LongSymbolId : _spec.ShortSymbolId;
        _gateways[venue].Tell(new FetchFundingHistory(symbol, since));
    }

    private void OnFundingHistory(FundingHistoryFetched fetched)
    {
        foreach (var payment in fetched.Payments)
        {
            RecordFunding(payment);
        }
    }

    private void OnFundingHistoryFailed(FundingHistoryFailed failed)
    {
        Context.GetLogger().Warning("{ExecutorId}: funding history of {Venue} unavailable ({Error}); asking again in {Backoff}",
            _spec.ExecutorId, failed.Venue, failed.Error.Message, _settings.Orders.RetryBackoff);
        Timers.StartSingleTimer(new FundingReconcileDue(failed.Venue), new FundingReconcileDue(failed.Venue), _settings.Orders.RetryBackoff);
    }

    /// Journals a payment on one of our legs once, whether it came from the stream or from the venue's history.
    private void RecordFunding(FundingPayment payment)
    {
        var ours = (payment.Venue == _spec.LongVenueId && payment.Symbol == _spec.LongSymbolId && payment.Side == PositionSide.Long)
            || (payment.Venue == _spec.ShortVenueId && payment.Symbol == _spec.ShortSymbolId && payment.Side == PositionSide.Short);
        if (!ours || _state.HasSeenFunding(payment.Venue.Value, payment.At) || _state.Phase is PairPhase.New or PairPhase.Closed)
        {
            return;
        }

        Persist(new PairFundingReceived(payment.Venue.Value, payment.Symbol.Value, payment.Side, payment.Size, payment.Price, payment.Rate,
            payment.Amount, payment.At), Record);
    }

    private void EvaluateExit()
    {
        if (_long?.Book is not { BestBid: { } longBid } || _short?.Book is not { BestAsk: { } shortAsk } || _state.OpenedAt is not { } openedAt)
        {
            return;
        }

        var longNotional = _state.LongLeg.Amount * longBid;
        var shortNotional = _state.ShortLeg.Amount * shortAsk;
        var legs = _state.LongLeg.RealizedPnl + _state.LongLeg.UnrealizedPnl(longBid) + _state.ShortLeg.RealizedPnl + _state.ShortLeg.UnrealizedPnl(shortAsk) - _state.FeesQuote;
        var exitFees = (longNotional * _settings.FeesOf(_spec.LongVenue).TakerRate) + (shortNotional * _settings.FeesOf(_spec.ShortVenue).TakerRate);
        var spread = _short.Funding.Rate.PerDay - _long.Funding.Rate.PerDay;
        var snapshot = new FundingPairSnapshot(_state.EntrySpreadPerDay, spread, legs, _state.FundingQuote, exitFees,
            Math.Max(longNotional, shortNotional), openedAt, Now, _alternativeNetEdge);
        var decision = _exitRules.Evaluate(snapshot);
        if (decision.ShouldExit)
        {
            ChangePhase(new PairExitStarted(decision.CloseType!.Value, decision.Describe(), Now));
        }
    }

    private void OnStop(StopPair stop)
    {
        if (_state.IsTerminal)
        {
            return;
        }

        if (stop.KeepPosition || _state.Phase == PairPhase.New)
        {
            foreach (var run in _legs.Values.Where(r => !r.Done))
            {
                run.Actor.Tell(CancelLeg.Instance);
            }

            Persist(new PairClosed(CloseType.PositionHold, "stopped by command; position kept", Now), Record);
        }
        else if (_state.Phase == PairPhase.Opening)
        {
            ChangePhase(new PairRollbackStarted("stopped by command during entry", Now));
        }
        else if (_state.Phase is PairPhase.Open or PairPhase.Completing)
        {
            ChangePhase(new PairExitStarted(CloseType.EarlyStop, "stopped by command", Now));
        }
    }

    private void Record(object @event)
    {
        _state.Apply(@event);
        Publish(@event);
    }

    /// Logs a recorded event and reports the pair to the parent.
    private void Publish(object @event)
    {
        Describe(@event);
        if (@event is PairClosed)
        {
            // A closed pair decides nothing more: market updates and funding settlements would only cost.
            _marketData.Tell(new UnsubscribeMarket(_spec.LongVenueId, _spec.LongSymbolId));
            _marketData.Tell(new UnsubscribeMarket(_spec.ShortVenueId, _spec.ShortSymbolId));
            _gateways[_spec.LongVenueId].Tell(new UnsubscribeFunding(_spec.LongSymbolId));
            _gateways[_spec.ShortVenueId].Tell(new UnsubscribeFunding(_spec.ShortSymbolId));
        }

        Context.Parent.Tell(new ExecutorUpdated(Report()));
    }

    // What an operator reads in the node's log: every phase change at Info, fills and funding at Debug. The node
    // adds the pair's symbol and venues to each line from the actor's path.
    private void Describe(object @event)
    {
        var log = Context.GetLogger();
        switch (@event)
        {
            case PairEntryStarted e:
                log.Info("{ExecutorId}: entry started, {Size} base per leg at {LongPrice} / {ShortPrice}, spread {SpreadPerDay} per day",
                    _spec.ExecutorId, e.Size, e.LongPrice, e.ShortPrice, e.EntrySpreadPerDay);
                break;
            case PairOpened:
                log.Info("{ExecutorId}: both legs filled, hedged", _spec.ExecutorId);
                break;
            case PairCompletionStarted e:
                log.Info("{ExecutorId}: completing the entry: {Reason}", _spec.ExecutorId, e.Reason);
                break;
            case PairRollbackStarted e:
                log.Info("{ExecutorId}: rolling back: {Reason}", _spec.ExecutorId, e.Reason);
                break;
            case PairExitStarted e:
                log.Info("{ExecutorId}: exit {CloseType}: {Reason}", _spec.ExecutorId, e.CloseType, e.Reason);
                break;
            case PairClosed e:
                log.Info("{ExecutorId}: closed {CloseType}: {Reason}; net PnL {NetPnlQuote} {Quote}", _spec.ExecutorId, e.CloseType, e.Reason,
                    Report().NetPnlQuote, _spec.Quote);
                break;
            case PairLegFilled e:
                log.Debug("{ExecutorId}: {Leg} filled {Quantity} at {Price} on {Venue}", _spec.ExecutorId, e.Leg, e.Quantity, e.Price, e.Venue);
                break;
            case PairFundingReceived e:
                log.Debug("{ExecutorId}: funding {Amount} on {Venue} at rate {Rate}", _spec.ExecutorId, e.Amount, e.Venue, e.Rate);
                break;
        }
    }

    private void SubscribeFunding()
    {
        _gateways[_spec.LongVenueId].Tell(new SubscribeFunding(_spec.LongSymbolId));
        _gateways[_spec.ShortVenueId].Tell(new SubscribeFunding(_spec.ShortSymbolId));
    }

    private bool IsFullyEntered()
    {
        var tolerance = Math.Max(_long?.Instrument.Rules.BaseStep ?? 0m, _short?.Instrument.Rules.BaseStep ?? 0m);
        return _state.Size > 0m && _state.LongLeg.NetQuantity >= _state.Size - (tolerance / 2m) && -_state.ShortLeg.NetQuantity >= _state.Size - (tolerance / 2m);
    }

    private bool IsFlat() => _state.LongLeg.NetQuantity == 0m && _state.ShortLeg.NetQuantity == 0m;

    private PairReport Report()
    {
        var longMark = _long?.Funding.MarkPrice;
        var shortMark = _short?.Funding.MarkPrice;
        var unrealized = (longMark is { } lm ? _state.LongLeg.UnrealizedPnl(lm) : 0m) + (shortMark is { } sm ? _state.ShortLeg.UnrealizedPnl(sm) : 0m);
        var trade = _state.LongLeg.RealizedPnl + _state.ShortLeg.RealizedPnl + unrealized;
        var status = _state.Phase switch
        {
            PairPhase.New => RunnableStatus.NotStarted,
            PairPhase.Closed => RunnableStatus.Terminated,
            PairPhase.Closing or PairPhase.RollingBack => RunnableStatus.ShuttingDown,
            _ => RunnableStatus.Running,
        };
        return new PairReport(_spec, _state.Phase, status, _state.CloseType, _state.CloseReason, _state.OpenedAt, _state.ClosedAt, _state.Size,
            _state.LongLeg.NetQuantity, _state.ShortLeg.NetQuantity, _state.FundingQuote, _state.FeesQuote, trade,
            trade + _state.FundingQuote - _state.FeesQuote, _state.LongLeg.Volume + _state.ShortLeg.Volume,
            [.. _state.Intents.Select(i => i.ClientOrderId)], Now);
    }

    private static string? PrefixOf(PairPhase phase) => phase switch
    {
        PairPhase.Opening => "entry",
        PairPhase.Completing => "complete",
        PairPhase.RollingBack => "rollback",
        PairPhase.Closing => "exit",
        _ => null,
    };

    private sealed class LegRun(IActorRef actor)
    {
        public IActorRef Actor { get; } = actor;

        public bool Done { get; set; }

        public string? Failure { get; set; }
    }

    private sealed record EntryDeadline
    {
        public static EntryDeadline Instance { get; } = new();
    }

    private sealed record RetryLegs
    {
        public static RetryLegs Instance { get; } = new();
    }

    private sealed record FundingReconcileDue(VenueId Venue);

    private sealed record FirstOrder(PairOrderIntended Intent, OrderRequest Request);
}
