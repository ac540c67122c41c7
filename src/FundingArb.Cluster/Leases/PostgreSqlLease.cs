using Akka.Actor;
using Akka.Coordination;
using Akka.Event;
using Npgsql;

namespace FundingArb.Cluster.Leases;

/// <summary>
/// An Akka.NET lease (<see cref="Lease"/>) kept as a row of a PostgreSQL table (<see cref="PostgreSqlLeaseStore"/>):
/// owner, expiry on the database's clock, and a version that fences off every earlier term. Sharding takes one per
/// shard (<c>akka.cluster.sharding.use-lease</c>); Akka's <see cref="LeaseProvider"/> creates it from its HOCON section.
/// </summary>
/// <remarks>
/// The invariant: the holder gives a term up, and calls its lost callback, before the database could grant the lease
/// to anyone else. Each acquire or renewal moves the database's expiry to (database now + heartbeat-timeout), where
/// database now is no earlier than the moment this process sent it; the holder counts the term as its own only until
/// (that send moment + heartbeat-timeout − safety-margin) on its own monotonic clock, so clock skew between the nodes
/// and the database plays no part. A renewal the database refuses (taken over, lapsed) ends the term at once; one
/// that cannot reach the database leaves it to the watchdog, which fires at that deadline unless a later renewal
/// moved it. <c>--speed</c> never scales this clock: the deadline races the database's real one.
/// </remarks>
public sealed class PostgreSqlLease : Lease
{
    private readonly PostgreSqlLeaseSettings _settings;
    private readonly PostgreSqlLeaseStore _store;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log;
    private readonly Lock _gate = new();
    private LeaseTerm? _term; // guarded by _gate: the term this owner holds, null when none

    /// <summary>The constructor Akka's <see cref="LeaseProvider"/> calls, with the lease's HOCON section in <paramref name="settings"/>.</summary>
    public PostgreSqlLease(LeaseSettings settings, ActorSystem system)
        : this(settings, Bind(settings, system), TimeProvider.System, Logging.GetLogger(system, typeof(PostgreSqlLease)))
    {
        // Shards release their leases as they stop; after termination nothing may renew, so what is left expires.
        system.RegisterOnTermination(StopHeartbeat);
    }

    internal PostgreSqlLease(LeaseSettings settings, PostgreSqlLeaseSettings leaseSettings, TimeProvider clock, ILoggingAdapter log)
        : base(settings)
    {
        ArgumentNullException.ThrowIfNull(leaseSettings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        _settings = leaseSettings;
        _store = new PostgreSqlLeaseStore(leaseSettings);
        _clock = clock;
        _log = log;
    }

    /// <summary>
    /// The fencing version of the term held now, or null when <see cref="CheckLease"/> is false. Every new term of the
    /// lease has a higher one, so a write stamped with it can be refused once a newer term exists.
    /// </summary>
    public long? FencingVersion
    {
        get
        {
            lock (_gate)
            {
                return _term is { } term && IsHeld(term) ? term.Version : null;
            }
        }
    }

    public PostgreSqlLeaseSettings LeaseSettings => _settings;

    public override Task<bool> Acquire() => Acquire(null!);

    /// <summary>
    /// Takes the lease in a new term: true when taken (also when this owner held it already), false when another owner
    /// holds it, faulted with <see cref="LeaseTimeoutException"/> or <see cref="LeaseException"/> when the outcome is
    /// unknown. A term still running is replaced, with its heartbeat, and its callback is not called; when another owner
    /// holds the lease instead, that term is lost and its callback is called.
    /// </summary>
    public override async Task<bool> Acquire(Action<Exception> leaseLostCallback)
    {
        var sentAt = _clock.GetTimestamp();
        var grant = await CallStoreAsync("acquire", token => _store.TryAcquireAsync(Settings.LeaseName, Settings.OwnerName, _settings.HeartbeatTimeout, token))
            .ConfigureAwait(false);
        if (grant is null)
        {
            // Another owner holds it: a term this lease still counted as its own is over, and its holder must know.
            LeaseTerm? current;
            lock (_gate)
            {
                current = _term;
            }

            if (current is not null)
            {
                Lose(current, new LeaseException($"Lease {Settings.LeaseName}: another owner holds it; {Settings.OwnerName} no longer holds term {current.Version}."));
            }

            return false;
        }

        var left = _settings.HeldFor - _clock.GetElapsedTime(sentAt);
        if (left <= TimeSpan.Zero)
        {
            throw new LeaseTimeoutException($"Lease {Settings.LeaseName}: the acquire came back after the term could be trusted ({_settings.HeldFor}).");
        }

        var term = new LeaseTerm(grant.Value.Version, sentAt, leaseLostCallback);
        LeaseTerm? replaced;
        lock (_gate)
        {
            replaced = _term;
            _term = term;
            term.Watchdog = _clock.CreateTimer(static state => ((WatchdogState)state!).Fire(), new WatchdogState(this, term), left, Timeout.InfiniteTimeSpan);
        }

        replaced?.Stop();
        LeaseLog.Acquired(_log, Settings.LeaseName, Settings.OwnerName, term.Version);
        _ = HeartbeatAsync(term);
        return true;
    }

    /// <summary>Frees the lease of the term held now: true when the database freed it, false when no term was held or it was over.</summary>
    public override async Task<bool> Release()
    {
        LeaseTerm? term;
        lock (_gate)
        {
            term = _term;
            _term = null;
        }

        if (term is null)
        {
            return false;
        }

        term.Stop();
        return await CallStoreAsync("release", token => _store.ReleaseAsync(Settings.LeaseName, Settings.OwnerName, term.Version, token))
            .ConfigureAwait(false);
    }

    /// <summary>True only while a term is held and its deadline (last renewal sent + heartbeat-timeout − safety-margin) is ahead.</summary>
    public override bool CheckLease()
    {
        lock (_gate)
        {
            return _term is { } term && IsHeld(term);
        }
    }

    private static PostgreSqlLeaseSettings Bind(LeaseSettings settings, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(system);
        return PostgreSqlLeaseSettings.Create(settings, system.Settings.Config);
    }

    private bool IsHeld(LeaseTerm term) => _clock.GetElapsedTime(term.LastRenewalSentAt) < _settings.HeldFor;

    private async Task HeartbeatAsync(LeaseTerm term)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_settings.HeartbeatInterval, _clock, term.Stopping).ConfigureAwait(false);
                var sentAt = _clock.GetTimestamp();
                LeaseGrant? renewed;
                try
                {
                    using var timeout = new CancellationTokenSource(_settings.OperationTimeout, _clock);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, term.Stopping);
                    renewed = await _store.RenewAsync(Settings.LeaseName, Settings.OwnerName, term.Version, _settings.HeartbeatTimeout, linked.Token)
                        .ConfigureAwait(false);
                }
                catch (Exception error) when (error is NpgsqlException || (error is OperationCanceledException && !term.Stopping.IsCancellationRequested))
                {
                    // The database did not answer: maybe a blip. The watchdog gives the term up if no renewal lands in time.
                    LeaseLog.RenewFailed(_log, error, Settings.LeaseName, Left(term));
                    continue;
                }

                if (renewed is null)
                {
                    Lose(term, new LeaseException($"Lease {Settings.LeaseName}: {Settings.OwnerName} no longer holds term {term.Version} (taken over or lapsed)."));
                    return;
                }

                Renewed(term, sentAt);
            }
        }
        catch (OperationCanceledException) when (term.Stopping.IsCancellationRequested)
        {
            // Released, replaced, lost or the system terminated.
        }
        catch (Exception error)
        {
            // Plugin boundary: an unexpected failure must not leave a term that nobody renews counted as held.
            LeaseLog.HeartbeatCrashed(_log, error, Settings.LeaseName);
            Lose(term, new LeaseException($"Lease {Settings.LeaseName}: its heartbeat failed.", error));
        }
    }

    private void Renewed(LeaseTerm term, long sentAt)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_term, term))
            {
                return;
            }

            term.LastRenewalSentAt = sentAt;
            term.Watchdog?.Change(Left(term), Timeout.InfiniteTimeSpan);
        }
    }

    private void WatchdogFired(LeaseTerm term)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_term, term))
            {
                return;
            }

            if (IsHeld(term))
            {
                // A renewal moved the deadline while this timer was already on its way.
                term.Watchdog?.Change(Left(term), Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Lose(term, new LeaseTimeoutException(
            $"Lease {Settings.LeaseName}: no renewal of term {term.Version} succeeded within {_settings.HeldFor}; given up {_settings.SafetyMargin} before the database could let it go."));
    }

    private void Lose(LeaseTerm term, Exception reason)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_term, term))
            {
                return;
            }

            _term = null;
        }

        term.Stop();
        LeaseLog.Lost(_log, Settings.LeaseName, Settings.OwnerName, term.Version, reason.Message);
        try
        {
            term.OnLost?.Invoke(reason);
        }
        catch (Exception error)
        {
            // The callback is the holder's code; its failure must not kill the timer thread or the heartbeat.
            LeaseLog.LostCallbackFailed(_log, error, Settings.LeaseName);
        }
    }

    private void StopHeartbeat()
    {
        LeaseTerm? term;
        lock (_gate)
        {
            term = _term;
            _term = null;
        }

        term?.Stop();
    }

    private TimeSpan Left(LeaseTerm term)
    {
        var left = _settings.HeldFor - _clock.GetElapsedTime(term.LastRenewalSentAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task<T> CallStoreAsync<T>(string operation, Func<CancellationToken, Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(_settings.OperationTimeout, _clock);
        try
        {
            return await call(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (timeout.IsCancellationRequested)
        {
            throw new LeaseTimeoutException($"Lease {Settings.LeaseName}: {operation} took longer than lease-operation-timeout ({_settings.OperationTimeout}).", error);
        }
        catch (NpgsqlException error)
        {
            throw new LeaseException($"Lease {Settings.LeaseName}: {operation} failed: {error.Message}", error);
        }
    }

    private sealed record WatchdogState(PostgreSqlLease Lease, LeaseTerm Term)
    {
        public void Fire() => Lease.WatchdogFired(Term);
    }
}
