using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Outage;

/// <summary>
/// Persists 1, 2, 3, … up to a target, one event at a time, each value at the sequence number equal to it.
/// After a failure it is stopped (and started again by its backoff supervisor), recovers and goes on from
/// what the journal holds: a value is never skipped nor stored twice.
/// </summary>
internal sealed class OutageWriter : ReceivePersistentActor
{
    private readonly StrongBox<int> _failures;
    private int _last;

    public OutageWriter(string persistenceId, int target, ConcurrentDictionary<string, int> progress, StrongBox<int> failures)
    {
        PersistenceId = persistenceId;
        _failures = failures;
        Recover<int>(value => _last = value);
        Recover<RecoveryCompleted>(_ =>
        {
            progress[persistenceId] = _last;
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
                    throw new InvalidOperationException($"{persistenceId} persisted {value} at {LastSequenceNr} after {_last}.");
                }

                _last = value;
                progress[persistenceId] = value;
                Self.Tell(Next.Instance);
            });
        });
    }

    public override string PersistenceId { get; }

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
