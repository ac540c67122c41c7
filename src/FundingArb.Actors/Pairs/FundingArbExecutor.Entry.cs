using System.Globalization;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Pairs;

public sealed partial class FundingArbExecutor
{
    /// The pre-flight, then EntryStarted: both books quoted, a size both venues' rules allow, every order within the
    /// per-order risk limits, and a spread that earns.
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

        var spread = ExpectedSpreadPerDay();
        if (spread <= 0m)
        {
            // A pair expected to pay funding from the start would only wait for its exit rules: refuse it before any order.
            Persist(new PairClosed(CloseType.Failed, string.Create(CultureInfo.InvariantCulture,
                $"pre-flight: the expected funding spread is {spread:0.########}/day; short {_spec.ShortVenue} against long {_spec.LongVenue} would pay, not earn"), Now), Record);
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
}
