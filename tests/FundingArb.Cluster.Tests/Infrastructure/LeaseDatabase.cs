using Npgsql;
using FundingArb.Cluster.Leases;
using FundingArb.Persistence.Sql.Tests.Outage;

namespace FundingArb.Cluster.Tests.Infrastructure;

/// <summary>
/// A schema of its own per test on the server <c>FUNDINGARB_TEST_PG</c> names (<c>./build.sh test</c> starts one), or on
/// a test's private server, so lease tests run in parallel. Dropped afterwards. A server that cannot be reached fails
/// the test: PostgreSQL tests never skip.
/// </summary>
internal sealed class LeaseDatabase
{
    private static int s_counter;

    public LeaseDatabase(string? connectionString = null)
    {
        ConnectionString = connectionString ?? ServerConnectionString;
        Schema = $"lease{Environment.ProcessId}_{Interlocked.Increment(ref s_counter)}";
    }

    /// <summary>
    /// A schema on a test's own server. Its connection string gets a pool of its own: private servers reuse ports one
    /// after another, and a pooled connection to the previous, stopped server would fail the first command.
    /// </summary>
    public static LeaseDatabase OnPrivateServer(PrivatePostgreSql server) =>
        new($"{server.ConnectionString};Application Name={Path.GetFileName(server.Folder)}");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("FUNDINGARB_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    public string ConnectionString { get; }

    public string Schema { get; }

    /// <summary>Lease settings on this schema; the timings default to the shipped LAN values.</summary>
    public PostgreSqlLeaseSettings Settings(TimeSpan? heartbeatInterval = null, TimeSpan? heartbeatTimeout = null, TimeSpan? operationTimeout = null, TimeSpan? safetyMargin = null)
    {
        var defaults = new PostgreSqlLeaseSettings { ConnectionString = ConnectionString };
        return defaults with
        {
            Schema = Schema,
            HeartbeatInterval = heartbeatInterval ?? defaults.HeartbeatInterval,
            HeartbeatTimeout = heartbeatTimeout ?? defaults.HeartbeatTimeout,
            OperationTimeout = operationTimeout ?? defaults.OperationTimeout,
            SafetyMargin = safetyMargin ?? defaults.SafetyMargin,
        };
    }

    public PostgreSqlLeaseStore Store(TimeSpan? heartbeatTimeout = null) => new(Settings(heartbeatTimeout: heartbeatTimeout));

    /// <summary>The lease's row as the database holds it, whether held, free or lapsed; null when there is none.</summary>
    public async Task<(string? Owner, DateTimeOffset ExpiresAt, long Version, DateTimeOffset DatabaseNow)?> RowAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT owner, expires_at, version, now() FROM \"{Schema}\".fundingarb_lease WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3));
    }

    public async Task DropAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
