using System.Globalization;
using Npgsql;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// A schema of its own per test on the server <c>FUNDINGARB_TEST_PG</c> names (<c>./build.sh test</c> starts
/// one), so tests run in parallel on one server. Dropped afterwards. A server that cannot be reached fails
/// the test: PostgreSQL tests never skip.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private static int s_counter;

    /// <summary>A fresh schema on <paramref name="connectionString"/>'s server (the shared test server when null).</summary>
    public PostgreSqlTestDatabase(string? connectionString = null)
    {
        ConnectionString = connectionString ?? ServerConnectionString;
        Schema = $"t{Environment.ProcessId}_{Interlocked.Increment(ref s_counter)}";
    }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("FUNDINGARB_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    public override string Provider => "postgresql";

    public override string ConnectionString { get; }

    public override string Schema { get; }

    public override string LinqToDbProvider => "PostgreSQL15";

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SET search_path TO \"{Schema}\"; {sql}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO \"{Schema}\"", connection))
        {
            await path.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
