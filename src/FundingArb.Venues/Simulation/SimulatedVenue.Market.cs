using FundingArb.Trading.Economics;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Simulation;

public sealed partial class SimulatedVenue
{
    // The per-step path of a backtest: move every market, then touch only what exists (resting orders, book
    // readers, open positions). With none of them a step allocates nothing.
    private void StepMarkets()
    {
        foreach (var market in _markets)
        {
            market.Step(_nowTicks);
            if (market.RestingBuys.Count > 0 || market.RestingSells.Count > 0)
            {
                MatchResting(market);
            }
        }

        if (_bookSubscriptions.Count > 0)
        {
            PublishBooks();
        }

        if (_openPositions > 0)
        {
            CheckLiquidation();
        }
    }

    private void ScheduleSettlement(MarketState market) =>
        Schedule(market.NextSettlementTicks, WorkPhase.Settlement, new SettlementWork(market, market.NextSettlementTicks));

    /// Records the settled rate, and pays funding on the position held at the settlement instant: a long pays size × basis
    /// price × rate to the shorts when the rate is positive (FundingPayment.AtSettlement), straight into the wallet.
    private void Settle(MarketState market)
    {
        var at = _nowTicks;
        var rate = market.Funding.RateSettledAt(at);
        _fundingSettlements.Add(new FundingSettlement(Id, market.Instrument.Symbol, market.Instrument.Base, new FundingRate(rate, market.Interval), At)
        {
            BasisPrice = market.BasisPrice(_settings.FundingBasis),
        });
        market.NextSettlementTicks = FundingGrid.NextAfter(at, market.Interval.Ticks);
        ScheduleSettlement(market);
        var net = market.Position.NetQuantity;
        if (net == 0m)
        {
            return;
        }

        var payment = FundingPayment.AtSettlement(Id, market.Instrument.Symbol, net > 0m ? PositionSide.Long : PositionSide.Short,
            Math.Abs(net), market.BasisPrice(_settings.FundingBasis), rate, At);
        market.Position = market.Position.ApplyFunding(payment);
        AdjustWallet(market.Instrument.Quote, payment.Amount);
        _fundingPayments.Add(payment);
        Emit(new FundingSettled(Id, NextEventSequence(), At, payment));
    }

    private void ScheduleIntervalChange(MarketState market)
    {
        if (market.NextIntervalChange < market.IntervalChanges.Length)
        {
            Schedule(market.IntervalChanges[market.NextIntervalChange].At.UtcTicks, WorkPhase.IntervalChange, new IntervalChangeWork(market));
        }
    }

    /// The new interval applies from the next instant of its own grid; a settlement due at this very instant has
    /// already been paid on the old interval (settlements run first).
    private void ChangeInterval(MarketState market)
    {
        market.Interval = market.IntervalChanges[market.NextIntervalChange++].Interval;
        market.NextSettlementTicks = FundingGrid.NextAfter(_nowTicks, market.Interval.Ticks);
        ScheduleSettlement(market);
        ScheduleIntervalChange(market);
    }

    /// Liquidates every position of a collateral pool whose equity fell below its maintenance margin.
    private void CheckLiquidation()
    {
        foreach (var pool in _pools)
        {
            var equity = Wallet(pool);
            var maintenance = 0m;
            var any = false;
            foreach (var market in _markets)
            {
                var net = market.Position.NetQuantity;
                if (net == 0m || market.Instrument.Quote != pool)
                {
                    continue;
                }

                any = true;
                var mark = market.Mark;
                equity += market.Position.UnrealizedPnl(mark);
                maintenance += Math.Abs(net) * mark * _settings.MaintenanceMarginRate;
            }

            if (any && equity < maintenance)
            {
                Liquidate(pool);
            }
        }
    }

    private void Liquidate(Asset pool)
    {
        foreach (var market in _markets)
        {
            if (market.Instrument.Quote != pool)
            {
                continue;
            }

            foreach (var record in market.RestingBuys.Concat(market.RestingSells).ToList())
            {
                CancelByVenue(record, "Liquidation");
            }

            var before = market.Position;
            if (before.NetQuantity == 0m)
            {
                continue;
            }

            var mark = market.Mark;
            var side = before.NetQuantity > 0m ? OrderSide.Sell : OrderSide.Buy;
            market.Position = before.Apply(side, before.Amount, mark, 0m);
            TrackOpenPositions(before.NetQuantity, 0m);
            var realized = market.Position.RealizedPnl - before.RealizedPnl;
            var cover = AdjustWallet(pool, realized);
            Emit(new PositionLiquidated(Id, NextEventSequence(), At, market.Instrument.Symbol, before.NetQuantity, mark, realized, cover));
        }
    }
}
