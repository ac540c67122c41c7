using System.Collections.Immutable;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// The events of one Persist (one event) or one PersistAll (several), for one persistence id with
/// consecutive sequence numbers: a journal stores all of them or none.
/// </summary>
public sealed record AtomicWrite : IPersistentEnvelope
{
    public AtomicWrite(ImmutableArray<Persistent> payload)
    {
        if (payload.IsDefaultOrEmpty)
        {
            throw new ArgumentException("An atomic write holds at least one event.", nameof(payload));
        }

        for (var i = 1; i < payload.Length; i++)
        {
            if (payload[i].PersistenceId != payload[0].PersistenceId)
            {
                throw new ArgumentException($"An atomic write is for one persistence id; found {payload[0].PersistenceId} and {payload[i].PersistenceId}.", nameof(payload));
            }

            if (payload[i].SequenceNr != payload[i - 1].SequenceNr + 1)
            {
                throw new ArgumentException($"An atomic write has consecutive sequence numbers; found {payload[i - 1].SequenceNr} then {payload[i].SequenceNr}.", nameof(payload));
            }
        }

        Payload = payload;
    }

    public ImmutableArray<Persistent> Payload { get; }

    public string PersistenceId => Payload[0].PersistenceId;

    public long LowestSequenceNr => Payload[0].SequenceNr;

    public long HighestSequenceNr => Payload[^1].SequenceNr;

    public int Size => Payload.Length;
}
