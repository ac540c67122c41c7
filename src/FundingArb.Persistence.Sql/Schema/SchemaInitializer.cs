namespace FundingArb.Persistence.Sql.Schema;

/// <summary>
/// Runs the migrations once per store instance. A failure is not remembered: the next operation tries
/// again, so a store that opened while the database was down starts working once it is back.
/// </summary>
internal sealed class SchemaInitializer(SqlDatabase database, bool autoInitialize) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done = !autoInitialize;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
