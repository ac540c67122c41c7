using System.Text;
using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Coordination;

namespace FundingArb.Cluster.Leases;

/// <summary>
/// The settings of <see cref="PostgreSqlLease"/>, bound from its HOCON section (documented in the project's
/// reference.conf). The timings come from Akka's <see cref="TimeoutSettings"/>; the rest are ours.
/// </summary>
public sealed partial record PostgreSqlLeaseSettings
{
    /// <summary>Npgsql connection string of the database holding the lease table (the journal's).</summary>
    public required string ConnectionString { get; init; }

    public string Schema { get; init; } = "public";

    public string Table { get; init; } = "fundingarb_lease";

    /// <summary>How often the holder renews its lease.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The lease's time to live: a holder that stops renewing loses it this long after its last renewal.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Longest wait for one acquire, renew or release before it counts as failed.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long before the lease could expire in the database the holder gives it up when it cannot renew: the time its
    /// executors need to stop, plus slack for a pause of the process.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long after the start of its last successful renewal the holder still counts the lease as its own.</summary>
    public TimeSpan HeldFor => HeartbeatTimeout - SafetyMargin;

    /// <summary>
    /// Binds the section Akka's <see cref="LeaseProvider"/> passes to a lease. An empty <c>connection-string</c> takes
    /// the value at the path <c>connection-string-path</c> names in <paramref name="systemConfig"/> (the journal's).
    /// </summary>
    public static PostgreSqlLeaseSettings Create(LeaseSettings lease, Config systemConfig)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(systemConfig);
        var config = lease.LeaseConfig;
        var connectionString = config.GetString("connection-string", "");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var path = config.GetString("connection-string-path", "");
            connectionString = path.Length > 0 ? systemConfig.GetString(path, "") : "";
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ConfigurationException(
                    $"The PostgreSQL lease has no connection string: connection-string is empty and connection-string-path '{path}' names no value.");
            }
        }

        var defaults = new PostgreSqlLeaseSettings { ConnectionString = "-" };
        var settings = new PostgreSqlLeaseSettings
        {
            ConnectionString = connectionString,
            Schema = config.GetString("schema", defaults.Schema),
            Table = config.GetString("table", defaults.Table),
            HeartbeatInterval = lease.TimeoutSettings.HeartbeatInterval,
            HeartbeatTimeout = lease.TimeoutSettings.HeartbeatTimeout,
            OperationTimeout = lease.TimeoutSettings.OperationTimeout,
            SafetyMargin = config.GetTimeSpan("safety-margin", defaults.SafetyMargin, allowInfinite: false),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>
    /// The settings of the lease section at <paramref name="path"/> of a system's configuration, read as Akka's
    /// <see cref="LeaseProvider"/> reads them, for code that needs the lease table without holding a lease (the API's
    /// <c>leases[]</c> through <see cref="PostgreSqlLeaseStore.ListAsync"/>).
    /// </summary>
    public static PostgreSqlLeaseSettings FromSystemConfig(Config systemConfig, string path = ClusterConfig.LeasePath)
    {
        ArgumentNullException.ThrowIfNull(systemConfig);
        var section = systemConfig.GetConfig(path);
        if (section.IsNullOrEmpty())
        {
            throw new ConfigurationException($"No lease section at {path}.");
        }

        var withDefaults = section.WithFallback(LeaseProvider.DefaultConfig().GetConfig("akka.coordination.lease"));
        return Create(LeaseSettings.Create(withDefaults, "-", "-"), systemConfig);
    }

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first key whose value cannot work.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ConnectionString), "connection-string", "(empty)", "must name the lease's database");
        Require(Identifier().IsMatch(Schema), "schema", Schema, "must be a plain SQL identifier (lower-case letters, digits and '_', at most 63)");
        Require(Identifier().IsMatch(Table), "table", Table, "must be a plain SQL identifier (lower-case letters, digits and '_', at most 63)");
        Require(HeartbeatInterval > TimeSpan.Zero, "heartbeat-interval", HeartbeatInterval, "must be positive");
        Require(OperationTimeout > TimeSpan.Zero, "lease-operation-timeout", OperationTimeout, "must be positive");
        Require(SafetyMargin > TimeSpan.Zero, "safety-margin", SafetyMargin, "must be positive");
        // A renewal that takes its whole operation timeout must still land before the holder gives the lease up,
        // or a healthy node would drop its shards on every slow heartbeat.
        Require(HeartbeatInterval + OperationTimeout < HeldFor, "heartbeat-timeout", HeartbeatTimeout,
            $"must exceed heartbeat-interval ({HeartbeatInterval}) + lease-operation-timeout ({OperationTimeout}) + safety-margin ({SafetyMargin})");
    }

    // The connection string may carry a password: it never reaches a log line through this record.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Schema = {Schema}, Table = {Table}, HeartbeatInterval = {HeartbeatInterval}, HeartbeatTimeout = {HeartbeatTimeout}, ");
        builder.Append($"OperationTimeout = {OperationTimeout}, SafetyMargin = {SafetyMargin}");
        return true;
    }

    private static void Require(bool valid, string key, object value, string rule)
    {
        if (!valid)
        {
            throw new ConfigurationException($"PostgreSQL lease setting {key} = {value} {rule}.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
