using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>A fresh SQLite file per test, in a temporary folder removed afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-sqlite-").FullName;

    public SqliteTestDatabase()
    {
        File = Path.Combine(_folder, "journal.db");
    }

    public string File { get; }

    public override string Provider => "sqlite";

    public override string ConnectionString => $"Data Source={File}";

    public override string Schema => "public";

    public override string LinqToDbProvider => "SQLite.MS";

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
