using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Paper;

// A settlement is the venue's: the account pays it when a funding report shows the venue past the settlement time it
// reported before (its NextFundingTime moved on and its clock reached the old one), on the position held then, at the
// rate and basis price the venue last reported for that period, stamped with the venue's settlement time. Reports come
// from the poll below (every FundingPollInterval, for each market the account trades) and from the node's own funding
// reads. A settlement that passed while no report was read (the node was down) is not paid: its rate was never seen.
// An interval change moves NextFundingTime without a settlement, which the clock check tells apart.

public sealed partial class PaperVenue
{
    private readonly ITimer _pollTimer;
    private int _polling;

    private void OnPollTimer()
    {
        if (Interlocked.Exchange(ref _polling, 1) == 0)
        {
            _ = PollFundingAsync();
        }
    }

    private async Task PollFundingAsync()
    {
        try
        {
            Symbol[] symbols;
            CancellationToken stop;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                symbols = [.. _markets.Keys];
                stop = _stop.Token;
            }

            foreach (var symbol in symbols)
            {
                try
                {
                    ObserveFunding(await _market.GetFundingAsync(symbol, stop).ConfigureAwait(false));
                }
                catch (VenueException)
                {
                    // Unreachable for now: the next poll reads it again, and a settlement stays due until then.
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception unexpected)
                {
                    FailUserStreams(unexpected);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private void ObserveFunding(FundingInfo funding)
    {
        lock (_gate)
        {
            if (_disposed || !_markets.TryGetValue(funding.Symbol, out var market))
            {
                return;
            }

            ObserveTime(funding.At);
            market.Mark = funding.MarkPrice;
            if (market.Funding is { } before && funding.At < before.At)
            {
                return;
            }

            if (market.Funding is { } settled && funding.NextFundingTime > settled.NextFundingTime && funding.At >= settled.NextFundingTime)
            {
                Settle(market, settled);
            }

            market.Funding = funding;
        }
    }

    private void Settle(PaperMarket market, FundingInfo settled)
    {
        var net = market.Position.NetQuantity;
        if (net == 0m)
        {
            return;
        }

        var payment = FundingPayment.AtSettlement(Id, market.Instrument.Symbol, net > 0m ? PositionSide.Long : PositionSide.Short, Math.Abs(net),
            settled.BasisPrice, settled.Rate.Rate, settled.NextFundingTime);
        market.Position = market.Position.ApplyFunding(payment);
        AdjustWallet(market.Instrument.Quote, payment.Amount);
        _fundingPayments.Add(payment);
        Emit(new FundingSettled(Id, NextEventSequence(), settled.NextFundingTime, payment));
        Persist();
    }
}
