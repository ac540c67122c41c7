using System.Collections.Immutable;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Actors.Pairs;

// The fold of an executor's events. Every field changes only in Apply, so a replay rebuilds exactly what the
// executor knew when it crashed.

/// A funding-arb pair as its journal tells it: phase, both legs' positions, orders, funding and outcome.
public sealed class PairState
{
    private readonly Dictionary<string, PairOrderIntended> _intents = [];
    private readonly Dictionary<string, OrderStatus> _resolved = [];
    private readonly HashSet<(string Venue, DateTimeOffset At)> _fundingSeen = [];

    // By venue, because a trade id is only unique at its venue: two venues speaking Binance's protocol both number
    // their first trade 1. Immutable, because every leg spawned is handed its venue's set: kept as it grows rather
    // than copied at each spawn.
    private ImmutableDictionary<string, ImmutableHashSet<string>> _tradeIds = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;

    public PairState(PairSpec spec)
    {
        Spec = spec;
        LongLeg = PositionHold.Empty(new PositionKey(spec.LongVenueId, spec.LongSymbolId), new Asset(spec.Quote));
        ShortLeg = PositionHold.Empty(new PositionKey(spec.ShortVenueId, spec.ShortSymbolId), new Asset(spec.Quote));
    }

    public PairSpec Spec { get; }

    public PairPhase Phase { get; private set; } = PairPhase.New;

    public decimal Size { get; private set; }

    public decimal EntrySpreadPerDay { get; private set; }

    public DateTimeOffset? EntryStartedAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public CloseType? CloseType { get; private set; }

    public string? CloseReason { get; private set; }

    /// Why the entry rolled back or completed, or why the pair is closing.
    public string? PhaseReason { get; private set; }

    public PositionHold LongLeg { get; private set; }

    public PositionHold ShortLeg { get; private set; }

    public decimal FundingQuote => LongLeg.FundingPnl + ShortLeg.FundingPnl;

    public decimal FeesQuote => LongLeg.Fees + ShortLeg.Fees;

    /// The ids of the trades counted at venue.
    public ImmutableHashSet<string> TradeIdsAt(string venue) => _tradeIds.GetValueOrDefault(venue, []);

    public IEnumerable<PairOrderIntended> Intents => _intents.Values;

    public bool IsTerminal => Phase == PairPhase.Closed;

    /// The first venue refusal that failed an entry leg, if the entry has one.
    public string? EntryRefusal { get; private set; }

    public bool HasSeenTrade(string venue, string tradeId) => TradeIdsAt(venue).Contains(tradeId);

    public bool HasSeenFunding(string venue, DateTimeOffset at) => _fundingSeen.Contains((venue, at));

    /// The legs, of any stage, with an order whose outcome is not in the journal yet.
    public IEnumerable<LegId> LegsWithUnresolvedOrders() =>
        _intents.Values.Where(i => !_resolved.ContainsKey(i.ClientOrderId)).Select(i => LegId.Parse(i.Leg)).Distinct()
            .OrderBy(l => l.Stage).ThenBy(l => !l.IsLong);

    /// Intents of the leg's orders whose outcome is not in the journal yet.
    public IEnumerable<PairOrderIntended> Unresolved(LegId leg)
    {
        var text = leg.ToString();
        return _intents.Values.Where(i => i.Leg == text && !_resolved.ContainsKey(i.ClientOrderId));
    }

    /// Folds one event in; an event the phase does not allow (PairTransitions) throws and changes nothing.
    public void Apply(object @event)
    {
        var next = PairTransitions.Next(Phase, @event);
        switch (@event)
        {
            case PairEntryStarted started:
                Size = started.Size;
                EntrySpreadPerDay = started.EntrySpreadPerDay;
                EntryStartedAt = started.At;
                break;
            case PairOrderIntended intended:
                _intents[intended.ClientOrderId] = intended;
                break;
            case PairLegFilled filled:
                ApplyFill(filled);
                break;
            case PairOrderResolved resolved:
                _resolved[resolved.ClientOrderId] = resolved.Status;
                if (Phase == PairPhase.Opening && resolved.Refusal is not null)
                {
                    EntryRefusal ??= resolved.Refusal;
                }

                break;
            case PairOpened opened:
                OpenedAt = opened.At;
                break;
            case PairCompletionStarted completing:
                PhaseReason = completing.Reason;
                break;
            case PairRollbackStarted rollback:
                PhaseReason = rollback.Reason;
                break;
            case PairExitStarted exit:
                CloseType = exit.CloseType;
                PhaseReason = exit.Reason;
                break;
            case PairFundingReceived funding:
                ApplyFunding(funding);
                break;
            case PairClosed closed:
                CloseType = closed.CloseType;
                CloseReason = closed.Reason;
                ClosedAt = closed.At;
                break;
        }

        Phase = next;
    }

    private void ApplyFill(PairLegFilled filled)
    {
        var seen = TradeIdsAt(filled.Venue);
        if (seen.Contains(filled.TradeId))
        {
            return;
        }

        _tradeIds = _tradeIds.SetItem(filled.Venue, seen.Add(filled.TradeId));

        // A fee charged in the base asset is valued at the fill's price; one charged in a leg's own quote (USDT on one
        // venue, USDC on another) counts at par with the pair's quote, as that leg's funding payments do.
        var feeInQuote = filled.FeeAsset == Spec.Asset ? filled.Fee * filled.Price : filled.Fee;
        if (LegId.Parse(filled.Leg).IsLong)
        {
            LongLeg = LongLeg.Apply(filled.Side, filled.Quantity, filled.Price, feeInQuote);
        }
        else
        {
            ShortLeg = ShortLeg.Apply(filled.Side, filled.Quantity, filled.Price, feeInQuote);
        }
    }

    private void ApplyFunding(PairFundingReceived funding)
    {
        if (!_fundingSeen.Add((funding.Venue, funding.At)))
        {
            return;
        }

        var payment = new FundingPayment(new VenueId(funding.Venue), new Symbol(funding.Symbol), funding.Side, funding.Size, funding.Price,
            funding.Rate, funding.Amount, funding.At);
        if (funding.Venue == Spec.LongVenue && funding.Side == PositionSide.Long)
        {
            LongLeg = LongLeg.ApplyFunding(payment);
        }
        else
        {
            ShortLeg = ShortLeg.ApplyFunding(payment);
        }
    }
}
