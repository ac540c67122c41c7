using System.Collections.Immutable;
using Akka.Configuration;
using FundingArb.Actors.Hosting;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Node.Configuration;

/// Everything one node runs with, read from `fundingarb.node`, `fundingarb.cluster`, `fundingarb.venues` and `strategy` (hocon/reference.conf documents each key).
public sealed record NodeSettings
{
    public required string Name { get; init; }

    /// Absolute: journal, venue state, API token and logs live here.
    public required string DataDirectory { get; init; }

    /// How much faster than real time the markets and funding run (1 = real time).
    public required double Speed { get; init; }

    /// Start even when pairs in the journal hold a venue the configuration lacks; they are listed as stranded.
    public required bool AllowStrandedPairs { get; init; }

    public required string HttpHost { get; init; }

    /// 0 picks a free port (tests).
    public required int HttpPort { get; init; }

    /// Empty: generated on first start and kept in the data folder.
    public required string ApiToken { get; init; }

    /// Reads without a token from any address (otherwise from loopback only).
    public required bool OpenReads { get; init; }

    public required TimeSpan ShutdownDeadline { get; init; }

    /// How often the simulated venues' state is written to the data folder (and always at shutdown).
    public required TimeSpan VenueSaveInterval { get; init; }

    public required TimeSpan DashboardInterval { get; init; }

    public required int EquityPoints { get; init; }

    public required int RecentEvents { get; init; }

    public required NodeLogSettings Logging { get; init; }

    /// The simulated venues the node runs in process (the scenario format of docs/scenarios.md), without the venues
    /// `fundingarb.venues` reaches through a connector instead.
    public required Scenario Simulation { get; init; }

    /// Every venue the node trades on and how it reaches it (`fundingarb.venues`): the simulated ones first, in the
    /// simulation's order.
    public required ImmutableArray<NodeVenueSettings> Venues { get; init; }

    /// The node's region, roles, remoting address, seed nodes and failure handling (`fundingarb.cluster`).
    public required NodeClusterSettings Cluster { get; init; }

    public required NodeActorSettings Actors { get; init; }

    /// The whole resolved configuration (the user's layers over hocon/reference.conf), which the actor system runs on.
    public required Config Config { get; init; }

    /// The journal plugin persistent actors use (akka.persistence.journal.plugin): the data folder's SQLite journal, or
    /// PostgreSQL for a cluster.
    public string JournalPlugin => Config.GetString("akka.persistence.journal.plugin", "");

    /// The journal and snapshots (SQLite), as Akka.Persistence plugins on Akka.Persistence.Sql's tables.
    public string DatabasePath => Path.Combine(DataDirectory, "journal.db");

    /// The journal the previous version (its own runtime, not Akka.NET) wrote; `fundingarb journal migrate` copies it.
    public string LegacyDatabasePath => Path.Combine(DataDirectory, "fundingarb.db");

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public string VenueDirectory => Path.Combine(DataDirectory, "venues");
}
