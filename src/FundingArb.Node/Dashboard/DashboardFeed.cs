using Akka.Persistence.Query;
using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Tracking;
using FundingArb.Node.Api;
using FundingArb.Node.Hosting;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Trading.Analytics;
using FundingArb.Trading.Executors;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Dashboard;

// One loop on real time builds the snapshot every interval and hands the same JSON to every stream subscriber, so
// 200 pairs and ten open browsers cost one snapshot per interval, not ten. Recent events and execution quality come
// from the journal itself (read from the last offset each tick), so they are what the executors recorded.

/// Builds the dashboard snapshot every interval and publishes it to the event streams.
public sealed class DashboardFeed : BackgroundService
{
    private readonly NodeRuntime _runtime;
    private readonly Serilog.ILogger _log;
    private readonly ExecutionTracker _tracker = new();
    private readonly LinkedList<PairEventView> _events = [];
    private readonly List<EquityView> _equity = [];
    private readonly Lock _subscribersGate = new();
    private readonly List<Channel<string>> _subscribers = [];
    private readonly List<EquityPoint> _curve = [];
    private long _offset;
    private DashboardSnapshot? _latest;
    private string? _latestJson;

    public DashboardFeed(NodeRuntime runtime, Serilog.ILogger serilog)
    {
        _runtime = runtime;
        _log = serilog.ForContext<DashboardFeed>();
    }

    /// The sampling period of the equity curve the statistics are computed on.
    public static TimeSpan EquityPeriod { get; } = TimeSpan.FromHours(1);

    public DashboardSnapshot? Latest => Volatile.Read(ref _latest);

    /// Execution quality from every executor event the feed has read from the journal.
    public ExecutionView Execution
    {
        get
        {
            lock (_events)
            {
                return ExecutionView.From(_tracker.Statistics());
            }
        }
    }

    /// The venues' total equity (stablecoins at par) on the market clock, once per EquityPeriod since the node started.
    public ImmutableArray<EquityPoint> EquityCurve
    {
        get
        {
            lock (_curve)
            {
                return [.. _curve];
            }
        }
    }

    /// The newest snapshot's JSON followed by every later one, until the token is cancelled.
    public async IAsyncEnumerable<string> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_subscribersGate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            if (Volatile.Read(ref _latestJson) is { } first)
            {
                yield return first;
            }

            await foreach (var json in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return json;
            }
        }
        finally
        {
            lock (_subscribersGate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    /// A snapshot built now (the API's first paint, before the loop has produced one).
    public async Task<DashboardSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var reports = await _runtime.GetExecutorsAsync(cancellationToken).ConfigureAwait(false);
        var opportunities = await _runtime.GetOpportunitiesAsync(cancellationToken).ConfigureAwait(false);
        var venues = await Task.WhenAll(_runtime.Venues.Select(v => SnapshotViews.VenueAsync(_runtime, v, cancellationToken))).ConfigureAwait(false);
        var positions = await Task.WhenAll(_runtime.Venues.Select(v => SnapshotViews.PositionsAsync(_runtime, v, cancellationToken))).ConfigureAwait(false);
        var allPositions = positions.SelectMany(p => p).OrderBy(p => p.Venue, StringComparer.Ordinal).ThenBy(p => p.Symbol, StringComparer.Ordinal).ToImmutableArray();
        var horizonDays = (decimal)_runtime.Settings.Actors.Orchestrator.Strategy.Horizon.TotalDays;
        var address = _runtime.Address;
        var pairs = reports.Select(r => SnapshotViews.PairOf(r, address)).ToImmutableArray();
        var economics = EconomicsView.Of(_runtime.EconomicsOf(reports, from: null, to: null), _runtime.ConnectorVenueNames);
        lock (_events)
        {
            return new DashboardSnapshot(
                _runtime.Settings.Name,
                _runtime.Clock.GetUtcNow(),
                _runtime.Settings.Speed,
                [.. venues],
                [.. opportunities.Opportunities
                    .OrderByDescending(o => o.NetEdge)
                    .Select(o => SnapshotViews.OpportunityOf(o, horizonDays))],
                pairs,
                allPositions,
                [.. allPositions.GroupBy(p => p.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new NetDeltaView(g.Key, g.Sum(p => p.Size), g.Sum(p => p.NotionalQuote)))],
                [.. _equity],
                [.. _events],
                ExecutionView.From(_tracker.Statistics()),
                new TotalsView(
                    pairs.Count(p => p.Phase == nameof(PairPhase.Open)),
                    pairs.Length,
                    pairs.Sum(p => p.NetPnlQuote),
                    pairs.Sum(p => p.FundingQuote),
                    pairs.Sum(p => p.FeesQuote)),
                economics);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_runtime.Settings.DashboardInterval, TimeProvider.System);
        try
        {
            do
            {
                if (_runtime.IsReady)
                {
                    await TickAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await FoldJournalAsync(stoppingToken).ConfigureAwait(false);
            var snapshot = await BuildAsync(stoppingToken).ConfigureAwait(false);
            RecordEquity(snapshot);
            if (await EquityAsync(stoppingToken).ConfigureAwait(false) is { } equity)
            {
                RecordEquityCurve(snapshot.At, equity);
            }

            Publish(snapshot with { Equity = [.. _equity] });
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _log.Warning(failure, "Dashboard snapshot failed; trying again next interval");
        }
    }

    private void Publish(DashboardSnapshot snapshot)
    {
        var json = JsonSerializer.Serialize(snapshot, ApiJson.Options);
        Volatile.Write(ref _latest, snapshot);
        Volatile.Write(ref _latestJson, json);
        lock (_subscribersGate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(json);
            }
        }
    }

    // An unreadable row is skipped once, with a warning: its executor reports the error itself, and the rest of the
    // journal still has to reach the dashboard.
    private async Task FoldJournalAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await FoldFromAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EventDeserializationException unreadable) when (unreadable.Offset is { } offset)
            {
                _log.Warning("Dashboard skips an unreadable journal row at offset {Offset}: {Error}", offset, unreadable.Message);
                _offset = offset;
            }
        }
    }

    private async Task FoldFromAsync(CancellationToken cancellationToken)
    {
        await foreach (var envelope in _runtime.CurrentEvents(_offset, cancellationToken).ConfigureAwait(false))
        {
            _offset = ((Sequence)envelope.Offset).Value;
            if (!envelope.PersistenceId.StartsWith("pair-", StringComparison.Ordinal))
            {
                continue;
            }

            lock (_events)
            {
                _tracker.Apply(envelope.PersistenceId, envelope.Event);
                if (EventOf(envelope.PersistenceId, envelope.Event) is { } view)
                {
                    _events.AddFirst(view);
                    while (_events.Count > _runtime.Settings.RecentEvents)
                    {
                        _events.RemoveLast();
                    }
                }
            }
        }
    }

    private void RecordEquity(DashboardSnapshot snapshot)
    {
        _equity.Add(new EquityView(snapshot.At, snapshot.Totals.NetPnlQuote));
        if (_equity.Count > _runtime.Settings.EquityPoints)
        {
            // Thin the older half so the chart keeps its whole history at half the resolution.
            var keep = _equity.Where((_, i) => i >= _equity.Count / 2 || i % 2 == 0).ToList();
            _equity.Clear();
            _equity.AddRange(keep);
        }
    }

    // A point with a venue missing would be a false drop in the curve: none is drawn while a connector cannot answer.
    private async Task<decimal?> EquityAsync(CancellationToken cancellationToken)
    {
        var equity = 0m;
        foreach (var venue in _runtime.Venues)
        {
            try
            {
                equity += venue is SimulatedVenue simulated
                    ? simulated.Balances.Sum(b => b.Equity)
                    : (await venue.GetBalancesAsync(cancellationToken).ConfigureAwait(false)).Sum(b => b.Equity);
            }
            catch (VenueException)
            {
                return null;
            }
        }

        return equity;
    }

    private void RecordEquityCurve(DateTimeOffset now, decimal equity)
    {
        lock (_curve)
        {
            if (_curve.Count > 0 && now - _curve[^1].At < EquityPeriod)
            {
                return;
            }

            var at = _curve.Count == 0 ? now : _curve[^1].At + EquityPeriod * Math.Floor((now - _curve[^1].At) / EquityPeriod);
            _curve.Add(new EquityPoint(at, equity));
        }
    }

    private static PairEventView? EventOf(string executorId, object journalEvent) => journalEvent switch
    {
        PairEntryStarted e => new PairEventView(e.At, executorId, "opening", $"entry started: {e.Size} base per leg at {e.LongPrice} / {e.ShortPrice}", null),
        PairOpened e => new PairEventView(e.At, executorId, "entered", "both legs filled: hedged", null),
        PairRollbackStarted e => new PairEventView(e.At, executorId, "closing", $"rolling back: {e.Reason}", null),
        PairCompletionStarted e => new PairEventView(e.At, executorId, "opening", $"completing: {e.Reason}", null),
        PairExitStarted e => new PairEventView(e.At, executorId, "closing", $"exit: {e.Reason}", ApiNames.Of(e.CloseType)),
        PairClosed e => new PairEventView(e.At, executorId, e.CloseType == CloseType.RolledBack ? "rolled_back" : "closed", e.Reason, ApiNames.Of(e.CloseType)),
        _ => null,
    };
}
