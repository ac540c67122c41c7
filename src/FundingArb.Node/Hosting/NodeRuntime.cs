using System.Collections.Immutable;
using Akka.Configuration;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Node.Configuration;
using FundingArb.Node.Journal;
using FundingArb.Node.Logging;
using FundingArb.Node.Time;
using FundingArb.Node.VenueState;
using FundingArb.Persistence.Sql;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Hosting;

// Start: venues (restored from the data folder), the actor system on the SQLite journal, the node's actors; the
// orchestrator recovers its registry and every executor replays and reconciles with the venues by client order id.
// Stop, in order: no new pairs; wait (up to the deadline) until no pair is entering or exiting; terminate the actor
// system, which flushes the journal; save the venues last, so they hold every fill the journal may refer to.

/// The node's actors, venues and stores, started and stopped with the web host.
public sealed class NodeRuntime : IHostedService, IAsyncDisposable
{
    private readonly NodeSettings _settings;
    private readonly Serilog.ILogger _serilog;
    private readonly PairLogContext _pairs;
    private readonly Serilog.ILogger _log;
    private readonly VenueStateStore _venueStore;
    private ActorSystem? _system;
    private FundingArbNode? _node;
    private VenueStateSaver? _saver;
    private FileStream? _dataLock;
    private int _stopped;

    public NodeRuntime(NodeSettings settings, Serilog.ILogger serilog, PairLogContext pairs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _serilog = serilog;
        _pairs = pairs;
        _log = serilog.ForContext<NodeRuntime>();
        _venueStore = new VenueStateStore(settings.VenueDirectory);
    }

    public NodeSettings Settings => _settings;

    /// Ten seconds of real time on the market clock (asks time out on the actor system's clock, which may run faster).
    public TimeSpan AskTimeout => TimeSpan.FromSeconds(10 * _settings.Speed);

    /// The market clock: real time, or a scaled clock at demo speed.
    public TimeProvider Clock { get; private set; } = TimeProvider.System;

    public ImmutableArray<SimulatedVenue> Venues { get; private set; } = [];

    public bool IsReady { get; private set; }

    public bool IsStopping => Volatile.Read(ref _stopped) != 0;

    public FundingArbNode Actors => _node ?? throw new InvalidOperationException("The node has not started.");

    public ActorSystem System => _system ?? throw new InvalidOperationException("The node has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_settings.DataDirectory);
        _dataLock = LockDataDirectory();
        Clock = _settings.Speed == 1.0
            ? TimeProvider.System
            : new ScaledTimeProvider(TimeProvider.System, _venueStore.LastSavedAt(_settings.Simulation.Venues) ?? TimeProvider.System.GetUtcNow(), _settings.Speed);
        Venues = _venueStore.Open(_settings.Simulation, Clock);
        _saver = new VenueStateSaver(Venues, _venueStore, _settings.VenueSaveInterval, _log);
        _system = ActorSystem.Create("fundingarb", SystemConfig(), Clock);
        var forwarder = _system.ActorOf(KernelLogForwarder.Props(_serilog, _pairs), "log-forwarder");
        _system.EventStream.Subscribe(forwarder, typeof(Kernel.LogEvent));
        _system.EventStream.Subscribe(forwarder, typeof(ExecutorRegistered));
        SqlPersistence.Register(_system, _system.Config.GetConfig("fundingarb.persistence"), JournalRegistry.Create());
        var stranded = await StrandedPairs.FindAsync(ReadJournal, Venues.Select(v => v.Id).ToHashSet(), cancellationToken).ConfigureAwait(false);
        if (stranded.Length > 0 && !_settings.AllowStrandedPairs)
        {
            throw new InvalidOperationException(
                $"pairs in the journal hold venues this configuration does not have:\n  {string.Join("\n  ", stranded)}\n"
                + "Configure the venues again, or start with --allow-stranded (fundingarb.node.allow-stranded-pairs = on) to list these pairs as stranded without trading them.");
        }

        foreach (var pair in stranded)
        {
            _log.Warning("Stranded: {Pair}; listed, not traded", pair);
        }

        _node = FundingArbNode.Start(_system, Venues, _settings.Actors);
        // The orchestrator answers once it has replayed its registry and started every executor it lists.
        await GetExecutorsAsync(cancellationToken).ConfigureAwait(false);
        IsReady = true;
        _log.Information("Node {Node} started: {Venues} venues, journal {Database}, speed {Speed}x; executors recover from the journal",
            _settings.Name, Venues.Length, _settings.DatabasePath, _settings.Speed);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || _system is null || _node is null)
        {
            return;
        }

        IsReady = false;
        _log.Information("Shutting down: no new pairs; waiting up to {Deadline} for entries and exits in flight", _settings.ShutdownDeadline);
        try
        {
            await _node.Orchestrator.Ask<NewPairsStopped>(StopNewPairs.Instance, AskTimeout, cancellationToken).ConfigureAwait(false);
            await WaitForQuietPairsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is AskTimeoutException or OperationCanceledException)
        {
            _log.Warning("Shutdown did not wait for pairs in flight: {Reason}", failure.Message);
        }

        await _system.Terminate().ConfigureAwait(false);
        if (_saver is not null)
        {
            await _saver.DisposeAsync().ConfigureAwait(false);
            _saver.SaveAll();
        }

        foreach (var venue in Venues)
        {
            venue.Dispose();
        }

        _log.Information("Node {Node} stopped; journal flushed and venue state saved", _settings.Name);
        if (_dataLock is not null)
        {
            await _dataLock.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_dataLock is not null)
        {
            await _dataLock.DisposeAsync().ConfigureAwait(false);
        }

        if (_system is not null)
        {
            await _system.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<ImmutableArray<PairReport>> GetExecutorsAsync(CancellationToken cancellationToken) =>
        (await Actors.Orchestrator.Ask<ExecutorsReport>(GetExecutors.Instance, AskTimeout, cancellationToken).ConfigureAwait(false)).Executors;

    public Task<OpportunitiesReport> GetOpportunitiesAsync(CancellationToken cancellationToken) =>
        Actors.Orchestrator.Ask<OpportunitiesReport>(GetOpportunities.Instance, AskTimeout, cancellationToken);

    /// ExecutorCreated, CommandAccepted or CommandRejected.
    public async Task<object> CommandAsync(object command, CancellationToken cancellationToken) =>
        await Actors.Orchestrator.Ask(command, AskTimeout, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The orchestrator answered nothing.");

    /// The executor's journal, oldest first.
    public IAsyncEnumerable<EventEnvelope> HistoryOf(string executorId, CancellationToken cancellationToken) =>
        ReadJournal.CurrentEventsByPersistenceId(executorId, 0, long.MaxValue, cancellationToken);

    /// Every journal event after the offset that is stored now.
    public IAsyncEnumerable<EventEnvelope> CurrentEvents(long offset, CancellationToken cancellationToken) =>
        ReadJournal.CurrentAllEvents(offset, cancellationToken);

    private ReadJournal ReadJournal => PersistenceQuery.Get(System).ReadJournalFor(SqlPersistence.SqlitePluginId);

    private async Task WaitForQuietPairsAsync(CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < _settings.ShutdownDeadline)
        {
            var busy = (await GetExecutorsAsync(cancellationToken).ConfigureAwait(false)).Count(r => r.Phase is PairPhase.Opening or PairPhase.Completing or PairPhase.RollingBack or PairPhase.Closing);
            if (busy == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        _log.Warning("Shutdown deadline reached with pairs still entering or exiting; they resume from the journal on the next start");
    }

    // Two nodes on one data folder would interleave their journal writes and overwrite each other's venues; the
    // operating system releases the lock when the process dies, so a kill -9 does not leave it behind.
    private FileStream LockDataDirectory()
    {
        var path = Path.Combine(_settings.DataDirectory, "node.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException busy)
        {
            throw new InvalidOperationException($"{_settings.DataDirectory} is in use by another node (it holds {path}).", busy);
        }
    }

    private Kernel.Configuration.Config SystemConfig()
    {
        var connection = HoconText.Quote($"Data Source={_settings.DatabasePath}");
        var node = ConfigurationFactory.ParseString($$"""
            fundingarb {
              stdout-loglevel = OFF
              persistence.journal.sqlite.connection-string = {{connection}}
              persistence.snapshot-store.sqlite.connection-string = {{connection}}
            }
            """);
        return KernelConfigBridge.ToKernel(node.WithFallback(_settings.Config));
    }
}
