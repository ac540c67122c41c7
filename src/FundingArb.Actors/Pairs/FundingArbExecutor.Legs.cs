using System.Globalization;
using Akka.Actor;
using Akka.Event;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Risk;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Pairs;

// The legs of a phase: spawned once the legs of the phase before have finished, each intending every order before it
// sends it (write-ahead, under a client order id derived from the intent's sequence number), every fill and outcome
// persisted as it is reported.
public sealed partial class FundingArbExecutor
{
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
                _firstOrders[LegId.Parse(intended.Leg)] = firstOrders.First(o => ReferenceEquals(o.Intent, intended)).Request;
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
        if (!_resumed || ModeOf(phase) != ExecutionMode.MarketOnly || _legs.Values.Any(r => !r.Done) || StageOf(phase) is not { } stage)
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
            var (intent, request) = Intention(new LegId(stage, isLong), quote.Instrument, OrderType.Market, side, quantity, null, reduceOnly,
                ExecutionMode.MarketOnly, LastSequenceNr + 2 + orders.Count);
            orders.Add(new FirstOrder(intent, request));
        }

        return orders;
    }

    /// Drives the current phase: spawn its legs once earlier legs have finished, and act when both are done.
    private void Progress()
    {
        if (!_resumed || StageOf(_state.Phase) is not { } stage)
        {
            return;
        }

        // A recovered executor may hold orders an earlier phase's legs intended and never saw resolved (the node died
        // with them in flight, and the phase changed on recovery). They are looked up first, by legs with nothing left to
        // trade, so that this phase works from positions that include their fills.
        foreach (var earlier in _state.LegsWithUnresolvedOrders().Where(l => l.Stage != stage && !_legs.ContainsKey(l)))
        {
            SpawnLeg(earlier);
        }

        if (_legs.Any(l => l.Key.Stage != stage && !l.Value.Done))
        {
            return;
        }

        var longLeg = new LegId(stage, IsLong: true);
        var shortLeg = new LegId(stage, IsLong: false);
        var spawned = false;
        foreach (var leg in (LegId[])[longLeg, shortLeg])
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
                Log.Warning("{ExecutorId}: {Phase} left a position ({Failure}); retrying", _spec.ExecutorId, _state.Phase, failure);
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
            ? string.Create(CultureInfo.InvariantCulture, $"rolled back: {_state.PhaseReason}; cost {-net:0.########} {_spec.Quote}")
            : _state.PhaseReason ?? "closed";
    }

    /// Spawns the leg's order actor: a leg of the current phase to do the phase's work, one of an earlier phase only to
    /// resolve its orders.
    private void SpawnLeg(LegId leg)
    {
        var instrument = leg.IsLong ? _long!.Instrument : _short!.Instrument;
        var (side, quantity) = leg.Stage == StageOf(_state.Phase)
            ? LegWork(leg.IsLong, _state.Phase, _state.Size)
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
            _state.TradeIdsAt(leg.IsLong ? _spec.LongVenue : _spec.ShortVenue),
            firstOrder);
        var actor = Context.ActorOf(OrderActor.Props(assignment, _gateways[instrument.Venue], _settings.Orders),
            string.Create(CultureInfo.InvariantCulture, $"{leg}-{++_spawned}"));
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

    private static LegStage? StageOf(PairPhase phase) => phase switch
    {
        PairPhase.Opening => LegStage.Entry,
        PairPhase.Completing => LegStage.Complete,
        PairPhase.RollingBack => LegStage.Rollback,
        PairPhase.Closing => LegStage.Exit,
        _ => null,
    };

    private void OnIntend(IntendOrder intend)
    {
        var quote = intend.Leg.IsLong ? _long! : _short!;
        var price = OrderRisk.ExpectedPrice(intend.Side, intend.Price, quote);
        var refusal = PairTransitions.Allows(_state.Phase, typeof(PairOrderIntended))
            ? OrderRefusal(intend.Leg.IsLong, intend.Side, intend.Quantity, price, intend.ReduceOnly)
            : $"the pair is {_state.Phase}: it places no more orders";
        if (refusal is not null)
        {
            // Nothing is journalled: the order never existed. The leg fails with the reason, and the phase decides.
            Log.Warning("{ExecutorId}: {Leg} {Side} {Quantity} at {Price} refused: {Refusal}", _spec.ExecutorId, intend.Leg, intend.Side, intend.Quantity,
                price, refusal);
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
    private (PairOrderIntended Intent, OrderRequest Request) Intention(LegId leg, Instrument instrument, OrderType type, OrderSide side,
        decimal quantity, decimal? price, bool reduceOnly, ExecutionMode mode, long sequenceNr)
    {
        var clientOrderId = _orderIds.Derive(sequenceNr);
        var request = type switch
        {
            OrderType.Market => OrderRequest.Market(clientOrderId, instrument, side, quantity, reduceOnly: reduceOnly),
            OrderType.LimitMaker => OrderRequest.PostOnly(clientOrderId, instrument, side, quantity, price!.Value, reduceOnly),
            _ => OrderRequest.Limit(clientOrderId, instrument, side, quantity, price!.Value, reduceOnly: reduceOnly),
        };
        var intent = new PairOrderIntended(leg.ToString(), clientOrderId.Value, instrument.Venue.Value, instrument.Symbol.Value, side, type, quantity, price,
            reduceOnly, Now, mode);
        return (intent, request);
    }

    private void OnFill(LegFillReported reported)
    {
        var fill = reported.Fill;
        var venue = reported.Leg.IsLong ? _spec.LongVenue : _spec.ShortVenue;
        if (_state.HasSeenTrade(venue, fill.TradeId))
        {
            return;
        }

        Persist(new PairLegFilled(reported.Leg.ToString(), venue, fill.ClientOrderId.Value, fill.TradeId, fill.Side, fill.Price, fill.Quantity,
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
        if (_legs.FirstOrDefault(l => l.Value.Actor.Equals(terminated.ActorRef) && !l.Value.Done) is not { Value: not null } failed)
        {
            return;
        }

        Log.Warning("{ExecutorId}: {Leg} failed; spawning it again from the journal in {Backoff}", _spec.ExecutorId, failed.Key, _settings.Orders.RetryBackoff);
        _legs.Remove(failed.Key);
        Timers.StartSingleTimer(RetryLegs.Instance, RetryLegs.Instance, _settings.Orders.RetryBackoff);
    }

    private sealed class LegRun(IActorRef actor)
    {
        public IActorRef Actor { get; } = actor;

        public bool Done { get; set; }

        public string? Failure { get; set; }
    }

    private sealed record FirstOrder(PairOrderIntended Intent, OrderRequest Request);
}
