using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation.Faults;
using FundingArb.Venues.Simulation.Snapshots;

namespace FundingArb.Venues.Simulation;

public sealed partial class SimulatedVenue
{
    private long _nextStepTicks;

    /// Restarts a venue from its exported state with the same settings, markets and faults. Work due between the
    /// snapshot and the provider's present (steps, settlements) runs at once, each at its own instant, so the venue
    /// catches up with the time it was down.
    public static SimulatedVenue Restore(SimulatedVenueSnapshot snapshot, SimulatedVenueSettings settings, IEnumerable<MarketSettings> markets,
        IEnumerable<VenueFault> faults, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(settings);
        if (snapshot.Venue != settings.Id.Value)
        {
            throw new ArgumentException($"The snapshot is of venue {snapshot.Venue}, not {settings.Id}.", nameof(snapshot));
        }

        var venue = new SimulatedVenue(settings, markets, faults, snapshot.Seed, timeProvider, snapshot.At.UtcTicks);
        lock (venue._gate)
        {
            venue.Import(snapshot);
            venue.CatchUp();
        }

        return venue;
    }

    /// The venue's whole state now, for SimulatedVenue.Restore after a restart.
    public SimulatedVenueSnapshot Export()
    {
        lock (_gate)
        {
            CatchUp();
            return new SimulatedVenueSnapshot
            {
                Venue = Id.Value,
                Seed = Seed,
                At = At,
                NextStep = new DateTimeOffset(_nextStepTicks, TimeSpan.Zero),
                OrderNumber = _orderNumber,
                TradeNumber = _tradeNumber,
                EventSequence = _eventSequence,
                Wallets = SnapshotMapping.ToSnapshot(_wallets),
                Insurance = SnapshotMapping.ToSnapshot(_insurance),
                Markets = [.. _markets.Select(ExportMarket)],
                Orders = [.. _orderLog.Select(SnapshotMapping.ToSnapshot)],
                FundingPayments = [.. _fundingPayments.Select(SnapshotMapping.ToSnapshot)],
                FundingSettlements = [.. _fundingSettlements.Select(SnapshotMapping.ToSnapshot)],
                FaultCounts = [.. _faultRemaining[.._scheduledFaults]],
            };
        }
    }

    private static MarketSnapshot ExportMarket(MarketState market)
    {
        var (fundingState, fundingNext) = market.Funding.ExportState();
        var (bids, asks) = market.Book.Taken;
        return new MarketSnapshot
        {
            Symbol = market.Instrument.Symbol.Value,
            PriceRandom = [.. market.PriceRandom.State],
            FundingRandom = [.. market.FundingRandom.State],
            PriceState = market.Price.State,
            MidTicks = market.Price.MidTicks,
            FundingRate = market.Funding.Current,
            PreviousFundingRate = market.Funding.Previous,
            FundingChangedAtTicks = market.Funding.ChangedAtTicks,
            FundingState = fundingState,
            FundingNext = fundingNext,
            Interval = market.Interval,
            NextIntervalChange = market.NextIntervalChange,
            NextSettlement = new DateTimeOffset(market.NextSettlementTicks, TimeSpan.Zero),
            BookSequence = market.Book.Sequence,
            BidsTaken = [.. bids],
            AsksTaken = [.. asks],
            Position = SnapshotMapping.ToSnapshot(market.Position),
        };
    }

    private void Import(SimulatedVenueSnapshot snapshot)
    {
        if (snapshot.Markets.Length != _markets.Length || snapshot.FaultCounts.Length != _scheduledFaults)
        {
            throw new ArgumentException("The snapshot's markets or faults differ from the venue's.", nameof(snapshot));
        }

        (_orderNumber, _tradeNumber, _eventSequence) = (snapshot.OrderNumber, snapshot.TradeNumber, snapshot.EventSequence);
        snapshot.FaultCounts.CopyTo(_faultRemaining);
        _wallets.Clear();
        foreach (var wallet in snapshot.Wallets)
        {
            _wallets[new Asset(wallet.Asset)] = wallet.Amount;
        }

        foreach (var cover in snapshot.Insurance)
        {
            _insurance[new Asset(cover.Asset)] = cover.Amount;
        }

        foreach (var saved in snapshot.Markets)
        {
            ImportMarket(Market(new Symbol(saved.Symbol)), saved);
        }

        foreach (var saved in snapshot.Orders.OrderBy(o => o.Number))
        {
            var market = Market(new Symbol(saved.Symbol));
            var request = SnapshotMapping.ToRequest(saved, market.Instrument);
            var priceTicks = request.Price is { } price ? (long)(price / market.Rules.TickSize) : 0L;
            var record = new OrderRecord(request, market, saved.Number, priceTicks, saved.FillCap, saved.ArrivalMid, saved.CreatedAt);
            foreach (var e in saved.Events)
            {
                record.Apply(SnapshotMapping.FromSnapshot(e, request));
            }

            _orders.Add(request.ClientOrderId, record);
            _orderLog.Add(record);
            if (saved.IsResting)
            {
                Rest(record);
            }
        }

        _fundingPayments.AddRange(snapshot.FundingPayments.Select(p => SnapshotMapping.FromSnapshot(p, Id)));
        _fundingSettlements.AddRange(snapshot.FundingSettlements.Select(s => SnapshotMapping.FromSnapshot(s, Market(new Symbol(s.Symbol)).Instrument)));
        _nextStepTicks = snapshot.NextStep.UtcTicks;
        Schedule(_nextStepTicks, WorkPhase.MarketStep, new MarketStepWork());
        foreach (var market in _markets)
        {
            ScheduleSettlement(market);
            ScheduleIntervalChange(market);
        }

        ScheduleConnectionWork();
    }

    private void ImportMarket(MarketState market, MarketSnapshot saved)
    {
        market.RestoreRandom(saved.PriceRandom, saved.FundingRandom);
        market.Price.Restore(saved.PriceState, saved.MidTicks);
        market.Funding.Restore(saved.FundingRate, saved.PreviousFundingRate, saved.FundingChangedAtTicks, saved.FundingState, saved.FundingNext);
        market.Interval = saved.Interval;
        market.NextIntervalChange = saved.NextIntervalChange;
        market.NextSettlementTicks = saved.NextSettlement.UtcTicks;
        market.Book.Restore(saved.MidTicks, saved.BookSequence, saved.BidsTaken, saved.AsksTaken);
        market.Position = SnapshotMapping.FromSnapshot(saved.Position, market.Instrument);
        TrackOpenPositions(0m, market.Position.NetQuantity);
    }
}
