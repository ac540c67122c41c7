namespace FundingArb.Cluster.Leases;

/// <summary>
/// One term of a lease this process holds: its fencing version, when its last successful renewal was sent, the
/// holder's lost callback, the heartbeat's stop signal and the watchdog that gives the term up.
/// </summary>
/// <remarks><see cref="LastRenewalSentAt"/> and <see cref="Watchdog"/> are read and written under the owning lease's gate.</remarks>
internal sealed class LeaseTerm : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;

    public LeaseTerm(long version, long sentAt, Action<Exception>? onLost)
    {
        Version = version;
        LastRenewalSentAt = sentAt;
        OnLost = onLost;
        // Taken once: the heartbeat keeps reading it after Stop has disposed the source.
        Stopping = _stopping.Token;
    }

    public long Version { get; }

    /// <summary>The lease's timestamp (<see cref="TimeProvider.GetTimestamp"/>) just before the acquire or latest renewal went out.</summary>
    public long LastRenewalSentAt { get; set; }

    public Action<Exception>? OnLost { get; }

    public ITimer? Watchdog { get; set; }

    public CancellationToken Stopping { get; }

    /// <summary>Stops the heartbeat and the watchdog; the first call wins, later ones do nothing.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        Watchdog?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    public void Dispose() => Stop();
}
