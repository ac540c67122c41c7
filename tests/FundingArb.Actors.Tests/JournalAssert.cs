using FundingArb.Kernel.Persistence.Journal;

namespace FundingArb.Actors.Tests;

/// What the crash tests check of a journal after a run.
internal static class JournalAssert
{
    public static List<long> SequenceNrs(MemoryJournal journal, string persistenceId)
    {
        var sequence = new List<long>();
        journal.ReplayMessagesAsync(persistenceId, 1, long.MaxValue, long.MaxValue, p => sequence.Add(p.SequenceNr), CancellationToken.None)
            .GetAwaiter().GetResult();
        return sequence;
    }

    /// The persistence id's events are numbered 1, 2, 3, … with no gap and no repeat.
    public static void Contiguous(MemoryJournal journal, string persistenceId, string context)
    {
        var sequence = SequenceNrs(journal, persistenceId);
        Assert.True(sequence.SequenceEqual(Enumerable.Range(1, sequence.Count).Select(i => (long)i)),
            $"{context}: {persistenceId} has sequence numbers {string.Join(",", sequence)}");
    }
}
