using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace FundingArb.Actors.Risk;

// The gate decides whether new exposure may start; exits always may (blocking an exit would make risk grow). The
// kill switch is journalled, so an engaged switch survives a crash or a restart. The day's PnL is derived from the
// executors' reports: each pair counts its net PnL change since the first report of the UTC day (a pair opened
// today counts from zero), so a loss taken today stops new pairs whether it is realized or not.

/// Kill switch, daily loss limit and open-pairs limit for new pairs (the orchestrator asks before it registers one).
public sealed class RiskGate : ReceivePersistentActor
{
    private readonly RiskGateSettings _settings;
    private readonly Dictionary<string, PairReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _dayStart = new(StringComparer.Ordinal);
    private DateOnly _day;
    private decimal _dailyPnl;
    private int _activePairs;
    private KillSwitchEngaged? _killSwitch;
    private RiskStatus? _published;

    public RiskGate(RiskGateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        Recover<KillSwitchEngaged>(e => _killSwitch = e);
        Recover<KillSwitchReleased>(_ => _killSwitch = null);
        Recover<RecoveryCompleted>(_ => Publish());

        Command<EngageKillSwitch>(m =>
        {
            var sender = Sender;
            Persist(new KillSwitchEngaged(m.Reason, m.CloseAll, Now), e =>
            {
                _killSwitch = e;
                Context.GetLogger().Warning("Kill switch engaged: {Reason}{CloseAll}", e.Reason, e.CloseAll ? " (closing every pair)" : "");
                sender.Tell(Publish());
            });
        });
        Command<ReleaseKillSwitch>(_ =>
        {
            var sender = Sender;
            Persist(new KillSwitchReleased(Now), _ =>
            {
                _killSwitch = null;
                Context.GetLogger().Warning("Kill switch released");
                sender.Tell(Publish());
            });
        });
        Command<ExecutorUpdated>(m =>
        {
            Track(m.Report);
            Publish();
        });
        Command<GetRiskStatus>(_ => Sender.Tell(Status()));
        Command<HandOff>(_ => Context.Stop(Self));
    }

    public override string PersistenceId => "risk-gate";

    public static Props Props(RiskGateSettings settings) => Akka.Actor.Props.Create(() => new RiskGate(settings));

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    // Kept as running sums so that an update costs the same with ten pairs or ten thousand.
    private void Track(PairReport report)
    {
        var today = DateOnly.FromDateTime(report.At.UtcDateTime);
        if (today != _day)
        {
            _day = today;
            _dayStart.Clear();
            foreach (var (knownId, known) in _reports)
            {
                _dayStart[knownId] = known.NetPnlQuote;
            }

            _dailyPnl = 0m;
        }

        var id = report.Spec.ExecutorId;
        _dayStart.TryAdd(id, 0m);
        if (_reports.TryGetValue(id, out var previous))
        {
            _dailyPnl -= previous.NetPnlQuote;
            _activePairs -= previous.Phase != PairPhase.Closed ? 1 : 0;
        }
        else
        {
            _dailyPnl -= _dayStart[id];
        }

        _dailyPnl += report.NetPnlQuote;
        _activePairs += report.Phase != PairPhase.Closed ? 1 : 0;
        _reports[id] = report;
    }

    private RiskStatus Status()
    {
        var refusal = _killSwitch is { } engaged ? $"the kill switch is engaged: {engaged.Reason}"
            : _settings.DailyLossLimit is { } limit && -_dailyPnl >= limit ? $"today's loss {-_dailyPnl:0.##} has reached the limit {limit}"
            : _settings.MaxOpenPairs is { } max && _activePairs >= max ? $"{_activePairs} pairs are active, the limit is {max}"
            : null;
        return new RiskStatus(_killSwitch is not null, _killSwitch?.Reason, _killSwitch?.CloseAll ?? false, _dailyPnl, _settings.DailyLossLimit, _activePairs,
            _settings.MaxOpenPairs, refusal, Now);
    }

    /// Publishes the status on the event stream when the verdict or the switch changed; returns it either way.
    private RiskStatus Publish()
    {
        var status = Status();
        if (_published is null || _published.Refusal != status.Refusal || _published.KillSwitchEngaged != status.KillSwitchEngaged
            || _published.CloseAll != status.CloseAll)
        {
            _published = status;
            Context.System.EventStream.Publish(status);
        }

        return status;
    }
}
