using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Tracking;
using FundingArb.Cluster.Leases;
using FundingArb.Cluster.Placement;
using FundingArb.Node.Cluster;
using FundingArb.Node.Configuration;
using FundingArb.Node.Logging;
using FundingArb.Node.Time;
using FundingArb.Persistence.Sql;
using FundingArb.Persistence.Sql.Query;
using FundingArb.Trading.Economics;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Paper;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.State;

namespace FundingArb.Node.Hosting;

// Registered before Akka's hosted service, so it starts first and stops last. Start: the connectors of the live connector
// venues (fundingarb.venues), the data folder's lock, the paper venues (their accounts restored from the data folder),
// the market clock and the simulated venues (restored from the data folder); then Akka.Hosting starts the actor system,
// and StartActorsAsync (its actor starter) joins the cluster and waits until the node is Up, checks the journal for
// stranded pairs and starts the node's actors: the orchestrator recovers its
// registry and every executor replays and reconciles with the venues by client order id. Stop, in order: no new pairs
// and a wait (up to the deadline) until no pair is entering or exiting (CoordinatedShutdown's before-service-unbind
// phase, DrainAsync); the actor system terminates, which flushes the journal; this service then saves the simulated
// venues last, so they hold every fill the journal may refer to, and closes the connectors (a real venue keeps its own).

/// The node's venues, clock and actors, started and stopped with the web host.
public sealed class NodeRuntime : IHostedService, IAsyncDisposable
{
    private readonly NodeSettings _settings;
    private readonly PairLogContext _pairs;
    private readonly Serilog.ILogger _log;
    private readonly VenueStateStore _venueStore;
    private readonly PaperStateStore _paperStore;
    private readonly ConcurrentDictionary<VenueId, ImmutableArray<Instrument>> _connectorInstruments = new();
    private ActorSystem? _system;
    private FundingArbNode? _node;
    private VenueStateSaver? _saver;
    private FileStream? _dataLock;
    private int _stopped;

    public NodeRuntime(NodeSettings settings, Serilog.ILogger serilog, PairLogContext pairs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(serilog);
        _settings = settings;
        _pairs = pairs;
        _log = serilog.ForContext<NodeRuntime>();
        _venueStore = new VenueStateStore(settings.VenueDirectory);
        _paperStore = new PaperStateStore(settings.VenueDirectory);

        // Known before any hosted service starts: Akka.Hosting builds the actor system's configuration, which names this
        // clock as its scheduler's, when the host resolves its services.
        Clock = settings.Speed == 1.0
            ? TimeProvider.System
            : new ScaledTimeProvider(TimeProvider.System, _venueStore.LastSavedAt(settings.Simulation.Venues) ?? TimeProvider.System.GetUtcNow(), settings.Speed);
    }

    public NodeSettings Settings => _settings;

    /// Ten seconds of real time on the market clock (asks time out on the actor system's clock, which may run faster).
    public TimeSpan AskTimeout => TimeSpan.FromSeconds(10 * _settings.Speed);

    /// The market clock: real time, or a scaled clock at demo speed. The actor system's scheduler runs on it too.
    public TimeProvider Clock { get; }

    /// Every venue the node trades on, simulated or through a connector, in the order of NodeSettings.Venues.
    public ImmutableArray<IVenue> Venues { get; private set; } = [];

    /// The venues that run in this process: only these have full order histories, trades and funding settlements.
    public ImmutableArray<SimulatedVenue> SimulatedVenues { get; private set; } = [];

    /// How each venue trades, by name: simulated, live or paper (the API's and dashboard's venue views show it).
    public string ModeOf(VenueId venue) => _settings.Venues.FirstOrDefault(v => v.Name == venue.Value)?.ModeName ?? "simulated";

    /// The venues reached through a connector, for which the node sees only what IVenue offers.
    public ImmutableArray<string> ConnectorVenueNames =>
        [.. _settings.Venues.Where(v => v.Kind is not NodeVenueKind.Simulated).Select(v => v.Name)];

    public bool IsReady { get; private set; }

    public bool IsStopping => Volatile.Read(ref _stopped) != 0;

    public FundingArbNode Actors => _node ?? throw new InvalidOperationException("The node has not started.");

    public ActorSystem System => _system ?? throw new InvalidOperationException("The node has not started.");

    /// Where the node's actors run in the cluster: the orchestrator and risk gate singletons, the pair shard region.
    public ClusterNodePlacement Placement { get; private set; } = new(1, new Dictionary<VenueId, string>());

    /// The actor keeping the recent member events (ClusterEventsActor).
    public IActorRef ClusterEvents { get; private set; } = ActorRefs.Nobody;

    /// The node's address in the cluster (akka.tcp://fundingarb@host:port).
    public string Address => Akka.Cluster.Cluster.Get(System).SelfAddress.ToString();

    /// Up in the cluster: a node that joins is not yet, and one the split-brain resolver downed is no longer.
    public bool IsUp => _system is not null && Akka.Cluster.Cluster.Get(_system).SelfMember.Status == Akka.Cluster.MemberStatus.Up;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_settings.DataDirectory);
        if (File.Exists(_settings.LegacyDatabasePath) && !File.Exists(_settings.DatabasePath))
        {
            throw new InvalidOperationException(
                $"{_settings.LegacyDatabasePath} is the journal of the previous version, which this one cannot read; copy it into the new journal with "
                + $"`fundingarb journal migrate --data {_settings.DataDirectory}` (the old file is left in place), then start again.");
        }

        // Live connectors first: a kind this build lacks stops the start before the data folder is locked. Paper venues
        // read their accounts from the data folder, so they start once it is locked.
        var connectors = _settings.Venues.Where(v => v.Kind is not NodeVenueKind.Simulated && !v.IsPaper)
            .ToDictionary(v => v.Name, v => ConnectorVenues.Create(v, _paperStore, PaperSaveFailed), StringComparer.Ordinal);
        _dataLock = LockDataDirectory();
        foreach (var paper in _settings.Venues.Where(v => v.IsPaper))
        {
            connectors.Add(paper.Name, ConnectorVenues.Create(paper, _paperStore, PaperSaveFailed));
        }

        SimulatedVenues = _venueStore.Open(_settings.Simulation, Clock);
        Venues = [.. _settings.Venues.Select(v => connectors.GetValueOrDefault(v.Name) ?? SimulatedVenues.Single(s => s.Id.Value == v.Name))];
        foreach (var connector in _settings.Venues.Where(v => v.Kind is not NodeVenueKind.Simulated))
        {
            if (connector.Paper is { } paper)
            {
                _log.Information("Venue {Venue}: {Kind} on paper at {RestUrl} and {WebSocketUrl}, no keys; orders fill in the paper account {PaperFile} (starting balances {Balances})",
                    connector.Name, connector.Kind, connector.RestUrl, connector.WebSocketUrl, _paperStore.PathOf(connector.Name),
                    string.Join(", ", paper.Balances.Select(b => $"{b.Amount} {b.Asset.Code}")));
            }
            else
            {
                _log.Information("Venue {Venue}: {Kind} live at {RestUrl} and {WebSocketUrl}, {Keys}", connector.Name, connector.Kind, connector.RestUrl,
                    connector.WebSocketUrl, connector.Keys);
            }
        }

        _saver = new VenueStateSaver(SimulatedVenues, _venueStore, _settings.VenueSaveInterval, TimeProvider.System,
            (venue, failure) => _log.Error(failure, "Saving the state of venue {Venue} failed", venue.Value));
        return Task.CompletedTask;
    }

    /// Akka.Hosting's actor starter: joins the cluster and waits until the node is Up, refuses a journal holding pairs on venues this configuration lacks (unless told
    /// otherwise), then starts the node's actors and returns once every executor the registry lists has started.
    public async Task StartActorsAsync(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        // Listening before the join, so the node's own Joining and Up are among the events.
        ClusterEvents = system.ActorOf(ClusterEventsActor.Props(_settings.Cluster.RecentEvents, TimeProvider.System), "cluster-events");
        await ClusterJoin.JoinAsync(system, _settings.Cluster, _log).ConfigureAwait(false);
        var registrations = system.ActorOf(PairRegistrations.Props(_pairs), "pair-registrations");
        system.EventStream.Subscribe(registrations, typeof(ExecutorRegistered));
        var stranded = await StrandedPairs.FindAsync(ReadJournal, system.Materializer(), Venues.Select(v => v.Id).ToHashSet(), CancellationToken.None)
            .ConfigureAwait(false);
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

        Placement = new ClusterNodePlacement(_settings.Cluster.Shards,
            _settings.Venues.ToDictionary(v => new VenueId(v.Name), v => NodeClusterSettings.RegionRolePrefix + v.Region));
        _node = FundingArbNode.Start(system, Venues, _settings.Actors, Placement);
        // The orchestrator answers once it has replayed its registry and asked every pair it lists to run. The ask goes
        // through the singleton proxy, which drops its oldest message when more than its buffer arrive before it has
        // found the singleton: the pairs' first reports can be that many, so a lost ask is asked again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GetExecutorsAsync(CancellationToken.None).ConfigureAwait(false);
                break;
            }
            catch (AskTimeoutException) when (attempt < 3)
            {
                _log.Warning("The orchestrator has not answered within {Timeout} (attempt {Attempt} of 3); asking again", AskTimeout, attempt);
            }
        }

        IsReady = true;
        _log.Information("Node {Node} started: {Venues} venues, journal {Database}, speed {Speed}x; executors recover from the journal",
            _settings.Name, Venues.Length, _settings.DatabasePath, _settings.Speed);
    }

    /// The first step of a shutdown (CoordinatedShutdown, before-service-unbind). The last member of the cluster takes no
    /// new pairs, then waits up to the deadline until no pair is entering, completing, rolling back or closing. A member
    /// that leaves others behind drains nothing: the cluster goes on taking pairs, and sharding hands this node's pairs
    /// over to the others (each executor stops on HandOff once its write in flight is done, and resumes there).
    public async Task<Done> DrainAsync()
    {
        Interlocked.Exchange(ref _stopped, 1);
        IsReady = false;
        if (_node is null)
        {
            return Done.Instance;
        }

        var cluster = Akka.Cluster.Cluster.Get(System);
        var others = cluster.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up && !m.Address.Equals(cluster.SelfAddress));
        if (others > 0)
        {
            _log.Information("Leaving the cluster: {Members} other members take over this node's pairs", others);
            return Done.Instance;
        }

        _log.Information("Shutting down: no new pairs; waiting up to {Deadline} for entries and exits in flight", _settings.ShutdownDeadline);
        try
        {
            await _node.Orchestrator.Ask<NewPairsStopped>(StopNewPairs.Instance, AskTimeout).ConfigureAwait(false);
            await WaitForQuietPairsAsync().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is AskTimeoutException or OperationCanceledException)
        {
            _log.Warning("Shutdown did not wait for pairs in flight: {Reason}", failure.Message);
        }

        return Done.Instance;
    }

    /// After the actor system has terminated (this service stops after Akka's): the venues are saved last.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _stopped, 1);
        IsReady = false;
        if (_saver is null)
        {
            return;
        }

        await _saver.DisposeAsync().ConfigureAwait(false);
        _saver.SaveAll();
        _saver = null;
        foreach (var venue in Venues.OfType<IDisposable>())
        {
            venue.Dispose();
        }

        _log.Information("Node {Node} stopped; journal flushed and venue state saved", _settings.Name);
        if (_dataLock is not null)
        {
            await _dataLock.DisposeAsync().ConfigureAwait(false);
            _dataLock = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_dataLock is not null)
        {
            await _dataLock.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<ImmutableArray<PairReport>> GetExecutorsAsync(CancellationToken cancellationToken) =>
        (await Actors.Orchestrator.Ask<ExecutorsReport>(GetExecutors.Instance, AskTimeout, cancellationToken).ConfigureAwait(false)).Executors;

    /// The executors' economics against the venues' orders, and an oracle over the funding the venues settled in
    /// [from, to) (so far, without a range). Only simulated venues record their orders and settlements: a connector
    /// venue has no source for them yet (ConnectorVenueNames), so the slippage and the oracle leave it out.
    public RunEconomics EconomicsOf(IReadOnlyList<PairReport> executors, DateTimeOffset? from, DateTimeOffset? to) =>
        RunEconomicsCalculator.Compute(executors, SimulatedVenues.SelectMany(v => v.Orders),
            SimulatedVenues.SelectMany(v => v.FundingSettlements).Where(s => (from is null || s.At >= from) && (to is null || s.At < to)), _settings.Actors.Orchestrator.Strategy);

    /// The venue's instruments for the node's views. A connector venue's are read once and kept: they change rarely, and
    /// the request is a venue's heaviest (Binance's exchangeInfo weighs 40 of 2,400 a minute), which a dashboard
    /// refreshing every second would spend on nothing. Listings a venue adds later show after a restart.
    public async ValueTask<ImmutableArray<Instrument>> InstrumentsOfAsync(IVenue venue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        if (venue is SimulatedVenue || !_connectorInstruments.TryGetValue(venue.Id, out var instruments))
        {
            instruments = await venue.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
            if (venue is not SimulatedVenue)
            {
                _connectorInstruments[venue.Id] = instruments;
            }
        }

        return instruments;
    }

    /// The leases held now, when shards and singletons take them (the journal on PostgreSQL); none otherwise.
    public async Task<IReadOnlyList<LeaseRecord>> LeasesAsync(CancellationToken cancellationToken) =>
        _settings.JournalPlugin == SqlPersistence.PostgreSqlJournal
            ? await new PostgreSqlLeaseStore(PostgreSqlLeaseSettings.FromSystemConfig(System.Settings.Config)).ListAsync(cancellationToken).ConfigureAwait(false)
            : [];

    public Task<OpportunitiesReport> GetOpportunitiesAsync(CancellationToken cancellationToken) =>
        Actors.Orchestrator.Ask<OpportunitiesReport>(GetOpportunities.Instance, AskTimeout, cancellationToken);

    /// ExecutorCreated, CommandAccepted or CommandRejected.
    public async Task<object> CommandAsync(object command, CancellationToken cancellationToken) =>
        await Actors.Orchestrator.Ask(command, AskTimeout, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The orchestrator answered nothing.");

    /// The executor's journal, oldest first.
    public IAsyncEnumerable<EventEnvelope> HistoryOf(string executorId, CancellationToken cancellationToken) =>
        Read(ReadJournal.CurrentEventsByPersistenceId(executorId, 0, long.MaxValue), cancellationToken);

    /// Every journal event after the offset that is stored now.
    public IAsyncEnumerable<EventEnvelope> CurrentEvents(long offset, CancellationToken cancellationToken) =>
        Read(ReadJournal.CurrentAllEvents(Offset.Sequence(offset)), cancellationToken);

    private async IAsyncEnumerable<EventEnvelope> Read(Source<EventEnvelope, NotUsed> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var envelope in query.RunAsAsyncEnumerable(System.Materializer()).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return envelope;
        }
    }

    private SqlReadJournal ReadJournal => PersistenceQuery.Get(System).ReadJournalFor<SqlReadJournal>(
        _settings.JournalPlugin == SqlPersistence.PostgreSqlJournal ? SqlPersistence.PostgreSqlReadJournal : SqlPersistence.SqliteReadJournal);

    private async Task WaitForQuietPairsAsync()
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < _settings.ShutdownDeadline)
        {
            var busy = (await GetExecutorsAsync(CancellationToken.None).ConfigureAwait(false))
                .Count(r => r.Phase is PairPhase.Opening or PairPhase.Completing or PairPhase.RollingBack or PairPhase.Closing);
            if (busy == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System).ConfigureAwait(false);
        }

        _log.Warning("Shutdown deadline reached with pairs still entering or exiting; they resume from the journal on the next start");
    }

    private void PaperSaveFailed(VenueId venue, Exception failure) => _log.Error(failure, "Saving the paper account of venue {Venue} failed", venue.Value);

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
}
