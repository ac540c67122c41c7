using FundingArb.Actors.Pairs;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Actors.Tests.Pairs;

// Every (phase, event) pair once: the allowed ones move the pair where the phase machine says, the others throw and
// leave the state as it was. The expected table is written out here as a matrix, independently of PairTransitions.
public sealed class PairStateTransitionTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly PairSpec s_spec = new("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m);

    private static readonly Dictionary<string, object> s_events = new()
    {
        ["EntryStarted"] = new PairEntryStarted(0.1m, 60_000m, 60_010m, 0.001m, s_at),
        ["Intended"] = new PairOrderIntended("entry-long", "0x01", "alpha", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.1m, null, false, s_at),
        ["Filled"] = new PairLegFilled("entry-long", "alpha", "0x01", "alpha-t1", OrderSide.Buy, 60_000m, 0.1m, 3m, "USDT", LiquidityRole.Taker, s_at),
        ["Resolved"] = new PairOrderResolved("0x01", OrderStatus.Filled),
        ["Opened"] = new PairOpened(s_at),
        ["CompletionStarted"] = new PairCompletionStarted("deadline", s_at),
        ["RollbackStarted"] = new PairRollbackStarted("a leg failed", s_at),
        ["ExitStarted"] = new PairExitStarted(CloseType.TakeProfit, "target", s_at),
        ["Funding"] = new PairFundingReceived("alpha", "BTCUSDT", PositionSide.Long, 0.1m, 60_000m, 0.0001m, -0.6m, s_at),
        ["Closed"] = new PairClosed(CloseType.Completed, "done", s_at),
    };

    // Rows: the phase before; columns, in s_events' order: the phase after, or "-" where the event is refused.
    private static readonly string[] s_matrix =
    [
        "New         | Opening     -           -           -           -           -           -           -           -           Closed",
        "Opening     | -           Opening     Opening     Opening     Open        Completing  RollingBack -           Opening     Closed",
        "Completing  | -           Completing  Completing  Completing  Open        -           RollingBack Closing     Completing  Closed",
        "RollingBack | -           RollingBack RollingBack RollingBack -           -           -           -           RollingBack Closed",
        "Open        | -           -           Open        Open        -           -           -           Closing     Open        Closed",
        "Closing     | -           Closing     Closing     Closing     -           -           -           -           Closing     Closed",
        "Closed      | -           -           Closed      Closed      -           -           -           -           -           -",
    ];

    public static TheoryData<PairPhase, string, PairPhase?> Edges()
    {
        var data = new TheoryData<PairPhase, string, PairPhase?>();
        foreach (var row in s_matrix)
        {
            var cells = row.Split('|');
            var from = Enum.Parse<PairPhase>(cells[0].Trim());
            var targets = cells[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (name, target) in s_events.Keys.Zip(targets))
            {
                data.Add(from, name, target == "-" ? null : Enum.Parse<PairPhase>(target));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Apply_EachEventInEachPhase_MovesAsTheMachineSaysOrThrowsAndChangesNothing(PairPhase from, string eventName, PairPhase? expected)
    {
        var state = StateIn(from);
        var @event = s_events[eventName];

        if (expected is { } to)
        {
            state.Apply(@event);
            Assert.Equal(to, state.Phase);
        }
        else
        {
            var refused = Assert.Throws<InvalidOperationException>(() => state.Apply(@event));
            Assert.Equal($"{@event.GetType().Name} is not allowed while the pair is {from}.", refused.Message);
            Assert.Equal(from, state.Phase);
        }
    }

    [Fact]
    public void Matrix_CoversEveryPhaseOnce()
    {
        Assert.Equal(Enum.GetValues<PairPhase>().Order(), s_matrix.Select(r => Enum.Parse<PairPhase>(r.Split('|')[0].Trim())).Order());
    }

    private static PairState StateIn(PairPhase phase)
    {
        var state = new PairState(s_spec);
        object[] path = phase switch
        {
            PairPhase.New => [],
            PairPhase.Opening => [s_events["EntryStarted"]],
            PairPhase.Completing => [s_events["EntryStarted"], s_events["CompletionStarted"]],
            PairPhase.RollingBack => [s_events["EntryStarted"], s_events["RollbackStarted"]],
            PairPhase.Open => [s_events["EntryStarted"], s_events["Opened"]],
            PairPhase.Closing => [s_events["EntryStarted"], s_events["Opened"], s_events["ExitStarted"]],
            _ => [s_events["Closed"]],
        };
        foreach (var @event in path)
        {
            state.Apply(@event);
        }

        Assert.Equal(phase, state.Phase);
        return state;
    }
}
