using Npgsql;

namespace FundingArb.Cluster.Leases;

/// <summary>
/// The lease table in PostgreSQL: one row per lease with its owner, expiry and fencing version, and one atomic
/// statement per operation.
/// </summary>
/// <remarks>
/// Every expiry is computed and compared with the database's <c>now()</c>, never a node's clock, so nodes whose clocks
/// disagree still see one owner. Within a statement <c>now()</c> is the start of its transaction, which is after the
/// caller sent it: an expiry the database sets is never earlier than the caller's send time plus the TTL, which is what
/// lets <see cref="PostgreSqlLease"/> give a lease up on its own clock before the database would hand it on.
/// Connections come from Npgsql's pool for the connection string, shared by every lease of the process.
/// </remarks>
public sealed class PostgreSqlLeaseStore
{
    private readonly string _connectionString;
    private readonly string _table;
    private readonly string _createSql;
    private readonly string _acquireSql;
    private readonly string _renewSql;
    private readonly string _releaseSql;
    private readonly string _listSql;
    private readonly Lock _creationGate = new();
    private Task? _creation; // guarded by _creationGate: null until first used, and again after a failed creation

    public PostgreSqlLeaseStore(PostgreSqlLeaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _connectionString = settings.ConnectionString;
        _table = $"\"{settings.Schema}\".\"{settings.Table}\"";
        // IF NOT EXISTS does not cover two sessions creating the same table at once in PostgreSQL's catalogs, so
        // creators queue on an advisory lock named after the table.
        _createSql = $"""
            SELECT pg_advisory_xact_lock(hashtext('fundingarb-lease-table {_table}'));
            CREATE SCHEMA IF NOT EXISTS "{settings.Schema}";
            CREATE TABLE IF NOT EXISTS {_table} (
              name text PRIMARY KEY,
              owner text NULL,
              expires_at timestamptz NOT NULL,
              version bigint NOT NULL)
            """;
        // Free (no owner), lapsed, or already ours: the caller takes it and starts a new term. Two racing acquirers
        // serialise on the row: the second sees the first's committed row and its WHERE no longer holds.
        _acquireSql = $"""
            INSERT INTO {_table} AS lease (name, owner, expires_at, version) VALUES (@name, @owner, now() + @ttl, 1)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, version = lease.version + 1
            WHERE lease.owner IS NULL OR lease.expires_at <= now() OR lease.owner = excluded.owner
            RETURNING version, expires_at
            """;
        // Only the term the caller holds, and only while it has not lapsed: a stale holder is fenced off by the version.
        _renewSql = $"""
            UPDATE {_table} SET expires_at = now() + @ttl
            WHERE name = @name AND owner = @owner AND version = @version AND expires_at > now()
            RETURNING version, expires_at
            """;
        _releaseSql = $"""
            UPDATE {_table} SET owner = NULL, expires_at = now()
            WHERE name = @name AND owner = @owner AND version = @version
            """;
        _listSql = $"""
            SELECT name, owner, expires_at, version FROM {_table}
            WHERE owner IS NOT NULL AND expires_at > now() ORDER BY name
            """;
    }

    /// <summary>
    /// Takes the lease for <paramref name="owner"/> when it is free, lapsed or already the owner's, for
    /// <paramref name="ttl"/> from the database's now, in a new term. Null when another owner holds it.
    /// </summary>
    public async Task<LeaseGrant?> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        return await GrantAsync(_acquireSql, name, owner, null, ttl, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Extends the term <paramref name="version"/> of <paramref name="owner"/> to <paramref name="ttl"/> from the
    /// database's now. Null when that term is over: taken over, released or lapsed.
    /// </summary>
    public async Task<LeaseGrant?> RenewAsync(string name, string owner, long version, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        return await GrantAsync(_renewSql, name, owner, version, ttl, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Frees the lease if <paramref name="owner"/> holds it in term <paramref name="version"/>; true when it did.</summary>
    public async Task<bool> ReleaseAsync(string name, string owner, long version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_releaseSql, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("version", version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The leases held now (an owner and an expiry still ahead on the database's clock), by name.</summary>
    public async Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_listSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<LeaseRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new LeaseRecord(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt64(3)));
        }

        return leases;
    }

    private async Task<LeaseGrant?> GrantAsync(string sql, string name, string owner, long? version, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("ttl", ttl);
        if (version is { } term)
        {
            command.Parameters.AddWithValue("version", term);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LeaseGrant(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Created once per store; a failed attempt (database down) is forgotten so that the next operation tries again.
    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_creationGate)
        {
            creation = _creation ??= CreateTableAsync();
        }

        return creation.IsCompletedSuccessfully ? Task.CompletedTask : AwaitCreationAsync(creation, cancellationToken);
    }

    private async Task AwaitCreationAsync(Task creation, CancellationToken cancellationToken)
    {
        try
        {
            await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (creation.IsFaulted)
        {
            lock (_creationGate)
            {
                if (ReferenceEquals(_creation, creation))
                {
                    _creation = null;
                }
            }

            throw;
        }
    }

    private async Task CreateTableAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(_createSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }
}
