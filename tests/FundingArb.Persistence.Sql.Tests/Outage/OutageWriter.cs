using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Outage;

/// <summary>
/// Persists 1, 2, 3, … up to a target, one event at a time, each value at the sequence number equal to it.
/// After a failure it is stopped (and started again by its backoff supervisor), recovers and goes on from
/// what the journal holds: a value is never skipped nor stored twice.
/// </summary>
internal sealed class OutageWriter : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly ConcurrentDictionary<string, int> _progress;
    private readonly StrongBox<int> _failures;
    private int _last;

    public OutageWriter(string persistenceId, int target, ConcurrentDictionary<string, int> progress, StrongBox<int> failures)
    {
        _persistenceId = persistenceId;
        _progress = progress;
        _failures = failures;
        Recover<int>(value => _last = value);
        Recover<RecoveryCompleted>(_ =>
        {
            _progress[_persistenceId] = _last;
            Self.Tell(Next.Instance);
        });
        Command<Next>(_ =>
        {
            if (_last >= target)
            {
                return;
            }

            Persist(_last + 1, value =>
            {
                if (value != _last + 1 || value != LastSequenceNr)
                {
                    throw new InvalidOperationException($"{_persistenceId} persisted {value} at {LastSequenceNr} after {_last}.");
                }

                _last = value;
                _progress[_persistenceId] = value;
                Self.Tell(Next.Instance);
            });
        });
    }

    public override string PersistenceId => _persistenceId;

    public override string? JournalPluginId => SqlPersistence.PostgreSqlPluginId;

    public override string? SnapshotPluginId => SqlPersistence.PostgreSqlPluginId;

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Interlocked.Increment(ref _failures.Value);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Interlocked.Increment(ref _failures.Value);
        base.OnRecoveryFailure(reason, message);
    }

    private sealed class Next
    {
        public static readonly Next Instance = new();
    }
}
